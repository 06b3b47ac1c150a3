// Navigation: up to 10 points, the last being the destination. Technicians type latitude then longitude (as maps
// show them); the fleet API wants GeoJSON [longitude, latitude].
import { t } from '../../../i18n/index.js';
import type { Body } from './shared.js';

export const MAX_POINTS = 10;

export interface PointDraft {
  /** Stable key for the list while points are reordered. */
  key: number;
  latitude: string;
  longitude: string;
}

export interface NavigationDraft {
  points: PointDraft[];
  nextKey: number;
}

export const initialNavigation = (): NavigationDraft => ({
  points: [{ key: 1, latitude: '', longitude: '' }],
  nextKey: 2,
});

/** "48.8566" → 48.8566; "48,8566" (decimal comma) too; anything else → null. */
export function parseCoordinate(text: string): number | null {
  const normal = text.trim().replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(normal)) return null;
  return Number(normal);
}

/** "48.8566, 2.3522" pasted into one field → both parts (latitude first, as maps copy them). */
export function splitPair(text: string): { latitude: string; longitude: string } | null {
  const match = /^\s*([-+]?\d+(?:\.\d+)?)\s*[,;\s]\s*([-+]?\d+(?:\.\d+)?)\s*$/.exec(text);
  return match ? { latitude: match[1]!, longitude: match[2]! } : null;
}

/** Field problems caught before sending: only "not a number" — ranges and order are the API's to judge. */
export function localNavigationErrors(draft: NavigationDraft): { field: string; message: string }[] {
  return draft.points.flatMap((p, index) => {
    const errors: { field: string; message: string }[] = [];
    if (parseCoordinate(p.longitude) === null)
      errors.push({
        field: `navigation.positions[${index}].coordinates[0]`,
        message: p.longitude.trim()
          ? t('remotes:navigation.error.longitudeNotNumber')
          : t('remotes:navigation.error.longitudeMissing'),
      });
    if (parseCoordinate(p.latitude) === null)
      errors.push({
        field: `navigation.positions[${index}].coordinates[1]`,
        message: p.latitude.trim()
          ? t('remotes:navigation.error.latitudeNotNumber')
          : t('remotes:navigation.error.latitudeMissing'),
      });
    return errors;
  });
}

export function navigationBody(draft: NavigationDraft): Body {
  return {
    navigation: {
      positions: draft.points.map((p) => ({
        type: 'Point',
        coordinates: [parseCoordinate(p.longitude), parseCoordinate(p.latitude)],
      })),
    },
  };
}

export function movePoint(draft: NavigationDraft, index: number, by: -1 | 1): NavigationDraft {
  const target = index + by;
  if (target < 0 || target >= draft.points.length) return draft;
  const points = draft.points.slice();
  [points[index], points[target]] = [points[target]!, points[index]!];
  return { ...draft, points };
}

export function addPoint(draft: NavigationDraft): NavigationDraft {
  if (draft.points.length >= MAX_POINTS) return draft;
  return {
    points: [...draft.points, { key: draft.nextKey, latitude: '', longitude: '' }],
    nextKey: draft.nextKey + 1,
  };
}

export function removePoint(draft: NavigationDraft, index: number): NavigationDraft {
  if (draft.points.length <= 1) return draft;
  return { ...draft, points: draft.points.filter((_, i) => i !== index) };
}
