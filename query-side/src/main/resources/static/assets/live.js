// Keeping the screen current without a reload. In order of preference:
//  1. the read models' own server-sent events, /api/live/units and /api/live/tasks: any message
//     means "the board or a task changed";
//  2. the event feed, /api/events/stream (CloudEvents over SSE): any event may change what is shown;
//  3. neither exists (404) or both fail at once: poll every 5 seconds.
// A stream that answers but drops later is reconnected by the browser (EventSource does that); one
// that refuses outright (404, 403) is closed at once, which is how we tell the two apart.

const POLL_MS = 5000;
/** Even with a live stream, meetings and the roster have no stream of their own: look now and then. */
const SAFETY_MS = 30000;
/** The feed's frames reach onmessage; meetings and the roster are still looked at now and then. */
const FEED_MS = 15000;

export function startLive({onChange, onMode}) {
  let pollTimer = null;
  let debounce = null;
  const changed = (kind) => {
    clearTimeout(debounce);
    debounce = setTimeout(() => onChange(kind), 250);
  };

  function poll(every, mode) {
    clearInterval(pollTimer);
    pollTimer = setInterval(() => onChange('poll'), every);
    onMode(mode);
  }

  /** Opens urls; resolves true once one of them is open, false when every one refused. */
  function open(urls, kind) {
    return new Promise((resolve) => {
      if (typeof EventSource === 'undefined') {
        resolve(false);
        return;
      }
      let refused = 0;
      let settled = false;
      for (const url of urls) {
        const source = new EventSource(url, {withCredentials: true});
        source.onopen = () => {
          if (!settled) {
            settled = true;
            resolve(true);
          }
        };
        source.onmessage = () => changed(kind);
        // Named events (e.g. "task", "unit", a CloudEvent type) arrive as their own event types.
        for (const name of ['unit', 'units', 'task', 'tasks', 'change', 'update', 'event']) {
          source.addEventListener(name, () => changed(kind));
        }
        source.onerror = () => {
          if (source.readyState === EventSource.CLOSED) {
            source.close();
            refused += 1;
            if (!settled && refused === urls.length) {
              settled = true;
              resolve(false);
            }
          }
        };
      }
    });
  }

  (async () => {
    if (await open(['api/live/units', 'api/live/tasks'], 'live')) {
      poll(SAFETY_MS, 'stream');
      return;
    }
    if (await open(['api/events/stream'], 'feed')) {
      poll(FEED_MS, 'feed');
      return;
    }
    poll(POLL_MS, 'poll');
  })();
}
