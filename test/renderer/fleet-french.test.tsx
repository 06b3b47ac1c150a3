// @vitest-environment jsdom
// The fleet and a vehicle's page in French (issue 17): the list's title, counts, columns and filters, a row's
// readiness and state chips, its quick actions and the reason a vehicle cannot do one (the agent's code, worded by
// the catalog), the selection bar; on the vehicle page the readiness and what to do, the states with their sources,
// the wake-ups and the last status's facts (the network's codes labelled). The brand is said once when the model
// already carries it ("DS 7 E-Tense", not "DS DS 7 E-Tense"), in every language.
import './helpers/dom.js';
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VehicleDto } from '../../preload/contract/dto.js';
import { makeAndModel } from '../../renderer/src/features/fleet/vehicle-name.js';
import { FleetView } from '../../renderer/src/features/fleet/FleetView.js';
import { VehicleView } from '../../renderer/src/features/fleet/VehicleView.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import { createStores } from '../../renderer/src/stores/app-stores.js';
import { fakeClient, operatorActor, session, vehicle } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';
import { virtualScroller } from './helpers/virtual-scroller.js';

const IMMOBILIZED = vehicle({
  id: 'v-imm',
  vin: 'VR3UHZKX0RT000102',
  label: 'Van 02',
  statusAt: '2026-01-15T09:48:00.000Z',
  states: ['Immobilized', 'Plugged'],
  stateSources: {
    Immobilized: { source: 'action', at: '2026-01-15T09:40:00.000Z', remoteActionId: 'ra-imm' },
    Plugged: { source: 'status', at: '2026-01-15T09:48:00.000Z' },
  },
  readiness: {
    code: 'immobilized',
    nextStep: 'lift-immobilization-before-use',
    severity: 'warning',
    params: {},
  },
});
const EXEC = vehicle({
  id: 'v-ds',
  vin: 'VR1J4HZR0PY000107',
  label: 'Exec 07',
  brand: 'DS',
  model: 'DS 7 E-Tense',
  energy: 'PlugInHybrid',
  capabilities: {
    ...vehicle().capabilities,
    Horn: { supported: false, reason: 'e-remote-only' },
    Doors: {
      supported: false,
      reason: 'network-refused',
      params: { failureCause: 'MissingRights', at: '2026-01-10T08:00:00.000Z' },
    },
  },
});
const ASLEEP = vehicle({
  id: 'v-sleep',
  vin: 'VF3VZZKX6NJ000103',
  label: 'Pool 03',
  statusAt: '2026-01-15T08:30:00.000Z',
  status: {
    energies: [
      {
        type: 'Electric',
        level: 80,
        autonomy: 200,
        extension: { electric: { charging: { plugged: true, status: 'InProgress' } } },
      },
    ],
    doorsState: { lockedStates: ['Locked'] },
    ignition: { type: 'Stop' },
    privacy: { state: 'Geolocation' },
  },
  states: ['Asleep', 'PrivacyMode', 'DoorsOpen'],
  stateSources: {
    Asleep: { source: 'status', at: '2026-01-15T07:00:00.000Z' },
    PrivacyMode: { source: 'status', at: '2026-01-15T08:30:00.000Z', detail: 'Geolocation' },
    DoorsOpen: { source: 'status', at: '2026-01-15T08:30:00.000Z', detail: 'Driver,Trunk' },
  },
  wakeUps: {
    month: '2026-01',
    usedThisMonth: 7,
    budget: 20,
    estimated: true,
    resetsAt: '2026-02-01T00:00:00.000Z',
    refusedByNetworkAt: null,
  },
  readiness: {
    code: 'will-wake',
    nextStep: 'expect-wake-up-delay',
    severity: 'info',
    params: { wakeUpsLeft: 13 },
  },
});
const FLEET: VehicleDto[] = [IMMOBILIZED, EXEC, ASLEEP];

let restoreScroller: () => void;
beforeEach(async () => {
  restoreScroller = virtualScroller('fleet-scroller', 600);
  await chooseLanguage('fr');
});
afterEach(async () => {
  restoreScroller();
  await chooseLanguage('en');
});

async function renderFleet() {
  const client = fakeClient({ vehicles: FLEET });
  const stores = createStores(client);
  renderWithStores(<FleetView />, client, stores, {
    session: session({ actor: operatorActor('Tess', 'technician') }),
  });
  await act(async () => {
    await stores.vehicles.getState().load();
    await stores.callbacks.getState().load();
  });
  await screen.findAllByTestId('vehicle-row');
}

const row = (label: string) =>
  screen.getByText(label, { selector: 'a' }).closest<HTMLElement>('[role="row"]')!;

describe('the fleet in French', () => {
  it('words the page, the columns, the filters and the selection bar', async () => {
    await renderFleet();
    expect(screen.getByRole('heading', { level: 1, name: 'Flotte' })).toBeTruthy();
    expect(screen.getByText(/^3 véhicules · Immobilisé 1 · En veille 1$/)).toBeTruthy();
    const grid = screen.getByRole('grid', { name: 'Véhicules' });
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Sélectionné', 'Véhicule', 'VIN', 'État', 'Relevé', 'Fonctions', 'En ce moment', 'Rapide']);
    expect(screen.getByRole('textbox', { name: 'Rechercher' })).toBeTruthy();
    // The State filter's combobox is mounted once the first frame is painted (StateFilter.tsx).
    expect(await screen.findByRole('combobox', { name: 'État' })).toBeTruthy();
    expect(screen.getByTestId('selection-count').textContent).toBe('Aucune sélection');
    expect(screen.getByRole('button', { name: 'Tout sélectionner (3 affichés)' })).toBeTruthy();
  });

  it('words a row: its readiness and states, what to do, the model once, the quick actions and why not', async () => {
    await renderFleet();
    const van = row('Van 02');
    expect(within(van).getByTestId('vehicle-readiness').textContent).toBe('Immobilisé');
    expect(within(van).getByTestId('vehicle-readiness').getAttribute('title')).toBe(
      'Il ne démarrera pas : un superviseur lève l’immobilisation avant toute utilisation.',
    );
    expect(
      within(van)
        .getAllByTestId('vehicle-state')
        .map((c) => c.textContent),
    ).toEqual(['Branché']);
    expect(within(van).getByRole('checkbox', { name: 'Sélectionner Van 02' })).toBeTruthy();
    expect(within(van).getByRole('button', { name: 'Klaxon Van 02' })).toBeTruthy();
    expect(row('Pool 03').textContent).toContain(
      'et consomme un réveil (13 restants ce mois-ci, estimation).',
    );

    const exec = row('Exec 07');
    expect(exec.textContent).toContain('DS 7 E-Tense · Hybride rechargeable');
    expect(exec.textContent).not.toContain('DS DS');
    const why =
      'indisponible : Nécessite le service « Remote control » ou « Connect Plus » ; ce véhicule n’a que le service e-remote.';
    expect(
      within(exec)
        .getByRole('button', { name: `Klaxon Exec 07 (${why})` })
        .getAttribute('title'),
    ).toBe(`Klaxon : ${why}`);
    expect(exec.textContent).toContain('Impossible : Portes, Klaxon');
    expect(exec.textContent).not.toContain('Feux');
  });
});

describe('a vehicle page in French', () => {
  it('words the readiness, the states and their sources, the wake-ups, the status and the capabilities', async () => {
    const client = fakeClient({ vehicles: [ASLEEP, EXEC] });
    const stores = createStores(client);
    renderWithStores(<VehicleView vehicleId="v-sleep" />, client, stores);
    await act(() => stores.vehicles.getState().load());
    await screen.findByRole('heading', { level: 1, name: 'Pool 03' });
    expect(screen.getByTestId('vehicle-readiness').textContent).toBe(
      'En veilleUne commande le réveille d’abord (environ une demi-minute) et consomme un réveil (13 restants ce mois-ci, estimation).',
    );
    const states = screen.getAllByTestId('vehicle-state').map((s) => s.textContent);
    expect(states[0]).toMatch(/^En veilled’après l’état : dernier signal /);
    expect(states[1]).toMatch(/^Mode confidentialitéGéolocalisation : d’après l’état lu /);
    expect(states[2]).toMatch(/^Porte ouverteConducteur, Coffre : d’après l’état lu /);
    const wakeUps = screen.getByTestId('wake-ups').textContent;
    expect(wakeUps).toContain('Réveils ce mois-ci');
    expect(wakeUps).toContain('7 sur 20 utilisés');
    expect(wakeUps).toMatch(/Recommence le 1 févr\. 2026\./);
    // The network's codes, labelled: InProgress, Locked, Stop, Geolocation.
    // French writes "80 %" with a narrow no-break space: compared as plain spaces.
    const facts = screen.getByRole('heading', { name: 'Dernier état connu' }).parentElement!;
    const fact = (label: string) =>
      within(facts).getByText(label).nextElementSibling?.textContent?.replace(/\s/g, ' ');
    expect(fact('Batterie')).toBe('80 % · 200 km');
    expect(fact('Recharge')).toBe('En cours · branché');
    expect(fact('Portes')).toBe('Verrouillé');
    expect(fact('Contact')).toBe('Coupé');
    expect(fact('Confidentialité')).toBe('Géolocalisation');
    expect(screen.getByRole('heading', { name: 'Ce qu’il peut faire' })).toBeTruthy();
  });

  it('says why a vehicle cannot do a feature, from the agent’s code and its values', async () => {
    const client = fakeClient({ vehicles: [EXEC] });
    const stores = createStores(client);
    renderWithStores(<VehicleView vehicleId="v-ds" />, client, stores);
    await act(() => stores.vehicles.getState().load());
    await screen.findByRole('heading', { level: 1, name: 'Exec 07' });
    expect(screen.getByText('DS 7 E-Tense')).toBeTruthy();
    const capabilities = screen.getByRole('list', { name: 'Fonctions' });
    expect(capabilities.textContent).toContain(
      'Portes — non : Le réseau a refusé cette fonction (MissingRights) le 10 janv. 2026 : ce véhicule ou le contrat ne la permet pas.',
    );
    expect(capabilities.textContent).toContain('Feux — oui');
  });
});

describe('the make and model', () => {
  it('says the brand once when the model carries it', () => {
    expect(makeAndModel('DS', 'DS 7 E-Tense')).toBe('DS 7 E-Tense');
    expect(makeAndModel('Peugeot', 'e-208')).toBe('Peugeot e-208');
    expect(makeAndModel('DS', 'DSX')).toBe('DS DSX');
    expect(makeAndModel(null, 'Corsa')).toBe('Corsa');
    expect(makeAndModel('Opel', null)).toBe('Opel');
    expect(makeAndModel(null, null)).toBe('');
  });
});
