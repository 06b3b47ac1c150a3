// The fleet rows' feature icons (the nine capabilities, the quick actions' horn and lock), drawn once per list as
// SVG symbols; each row's icon is then a <use> of one: two elements an icon, no icon component to run. Drawn by
// the library's components, the eleven icons of a row were most of its elements (a path or four each): ~180 icon
// components and ~700 elements in the rows in view, to create, style and lay out on the fleet's first render
// (traced on a source-mapped build: that render's task went from ~160 to ~100 ms). Same icons, size and colour
// (a symbol draws in its <use>'s currentColor).
import { FEATURE_ORDER, FEATURES, type RemoteType } from '../remotes/features.js';

const symbolId = (type: RemoteType) => `fleet-feature-icon-${type}`;

/** The symbols, once, beside the list that uses them (hidden, and no part of what is read). */
export function FeatureSprite() {
  return (
    <svg aria-hidden focusable="false" width={0} height={0} style={{ position: 'absolute' }}>
      {FEATURE_ORDER.map((type) => {
        const Icon = FEATURES[type].icon;
        return (
          <symbol key={type} id={symbolId(type)} viewBox="0 0 24 24">
            <Icon size={24} />
          </symbol>
        );
      })}
    </svg>
  );
}

/** One feature's icon, `size` px square, in the current text colour (a plain element: no component per icon). */
export function featureIcon(type: RemoteType, size: number) {
  return (
    <svg width={size} height={size} aria-hidden focusable="false">
      <use href={`#${symbolId(type)}`} />
    </svg>
  );
}
