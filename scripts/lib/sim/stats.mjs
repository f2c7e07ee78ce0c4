// What the simulator did so far, as one compact status line.

export function createStats({ onError, ignore = () => false } = {}) {
  const n = {
    issued: 0, called: 0, served: 0, noShow: 0, transferred: 0, rated: 0, refusedClosed: 0, turnedAway: 0,
    dossiersReceived: 0, dossiersOnline: 0, dossiersResolved: 0, dossiersReturned: 0, dossiersPaused: 0, errors: 0,
  };
  const started = Date.now();
  let lastError = '';
  const closedCenters = new Map();
  return {
    n,
    add(key, by = 1) {
      n[key] += by;
    },
    error(where, e) {
      if (ignore(e)) return;
      n.errors += 1;
      lastError = `${where}: ${e?.message ?? e}`;
      onError?.(lastError);
    },
    /** A center refused a ticket because it is outside its opening hours. */
    closed(centerName, message) {
      n.refusedClosed += 1;
      closedCenters.set(centerName, message);
    },
    reopened(centerName) {
      closedCenters.delete(centerName);
    },
    closedCenters,
    get lastError() {
      return lastError;
    },
    line() {
      const s = Math.round((Date.now() - started) / 1000);
      const clock = `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
      return [
        clock,
        `tickets ${n.issued} issued / ${n.called} called / ${n.served} served (${n.noShow} no-show, ${n.transferred} transferred, ${n.rated} rated)`,
        `dossiers ${n.dossiersReceived} received (${n.dossiersOnline} online) / ${n.dossiersResolved} resolved / ${n.dossiersReturned} returned`,
        closedCenters.size ? `${closedCenters.size} center(s) closed` : null,
        n.turnedAway ? `${n.turnedAway} turned away (no open counter for the service)` : null,
        `errors ${n.errors}`,
      ].filter(Boolean).join(' · ');
    },
  };
}
