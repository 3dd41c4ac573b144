// What every view needs to know: who is signed in, which conference, its units and people (for
// the pickers), which optional parts of the API exist, and the versions learnt from commands.

import {get, probe, query} from './api.js';
import {today} from './i18n.js';

export const app = {
  me: null,
  conference: null,
  /** Unit status board rows: code, name, member, liaison, counts. */
  units: [],
  /** Today's seats of the roster, for the people pickers. */
  seats: [],
  features: {audit: false, admin: false},
  /** aggregate id → the version (ETag) the last command on it answered. */
  versions: new Map(),

  is(...roles) {
    return !!this.me && roles.includes(this.me.role);
  },

  unitName(code) {
    const unit = this.units.find(u => u.unitCode === code);
    return unit ? unit.name : code;
  },

  unitOptions() {
    return this.units.filter(u => u.active !== false).map(u => ({value: u.unitCode, label: u.name}));
  },

  /** The version to send as If-Match: what was read, or newer if our own command said so. */
  versionOf(id, read) {
    const known = this.versions.get(id);
    return known === undefined ? read : Math.max(read ?? -1, known);
  },

  async loadShared() {
    const conferences = await get('/api/conferences');
    const summary = conferences.items[0] || null;
    this.conference = summary ? await get('/api/conferences/' + encodeURIComponent(summary.conferenceId)) : null;
    if (!this.conference) return;
    const cid = this.conference.conferenceId;
    const [units, roster] = await Promise.all([
      get('/api/units' + query({conferenceId: cid})),
      get('/api/conferences/' + encodeURIComponent(cid) + '/roster' + query({asOf: today()})),
    ]);
    this.units = units.items;
    this.seats = roster.seats;
  },

  /** Audit and operations are built elsewhere: show them only where the role may and the API exists. */
  async probeFeatures() {
    const quietly = (promise) => promise.catch(() => null);
    const [audit, admin] = await Promise.all([
      this.is('AUDITOR', 'ADMIN', 'OFFICE') ? quietly(probe('/api/audit?size=1')) : null,
      this.is('ADMIN', 'AUDITOR') ? quietly(probe('/api/admin/projections')) : null,
    ]);
    this.features = {audit: audit !== null, admin: admin !== null};
  },
};
