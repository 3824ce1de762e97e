/* Nærvær — the plan builder open in another tab of this browser. A page that can add
   measures to a plan (a category page, the cause mapping's suggestions) finds an open plan
   builder and hands it measure IDs, so the measures, sub-goals and deadlines the plan already
   holds stay where they are, instead of a second, empty plan being opened.

   BroadcastChannel: same origin, this browser only, in memory. Nothing is stored, sent over
   the network or put in an address; only public measure IDs from the bank travel, never
   anything typed. The channel's name comes from the page's data (naervaer/site/causes.py).

   Messages: {type: "ping"} — who holds a plan?; {type: "here", id} — a builder (on load, and
   in answer to a ping); {type: "gone", id} — a builder left; {type: "add", to, from, ref,
   ids} — add these; {type: "added", to, ref, added, n} — done: the IDs that were new, and how
   many measures the plan holds now. */

const token = () => Math.random().toString(36).slice(2);

/** The sending side: `{found, add(ids) → Promise<answer|null>}`, or null without
    BroadcastChannel. `add` answers null when no builder replies within `ms` (a builder
    whose tab was closed without a word). */
export function planFinder(name, onFound = () => {}) {
  if (!("BroadcastChannel" in window)) return null;
  const channel = new BroadcastChannel(name);
  const me = token();
  const builders = [];
  const waiting = new Map();
  const forget = (id) => {
    const i = builders.indexOf(id);
    if (i >= 0) builders.splice(i, 1);
  };
  channel.addEventListener("message", ({ data }) => {
    if (!data || typeof data !== "object") return;
    if (data.type === "here") {
      forget(data.id);
      builders.push(data.id); // the one heard from last is used
      onFound();
    } else if (data.type === "gone") {
      forget(data.id);
    } else if (data.type === "added" && data.to === me && waiting.has(data.ref)) {
      waiting.get(data.ref)(data);
    }
  });
  channel.postMessage({ type: "ping" });
  return {
    get found() { return builders.length > 0; },
    add(ids, ms = 1500) {
      const to = builders[builders.length - 1];
      if (!to) return Promise.resolve(null);
      const ref = token();
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(ref);
          forget(to);
          resolve(null);
        }, ms);
        waiting.set(ref, (answer) => {
          clearTimeout(timer);
          waiting.delete(ref);
          resolve(answer);
        });
        channel.postMessage({ type: "add", to, from: me, ref, ids });
      });
    },
  };
}

/** The builder's side: answers pings and adds what it is handed with `add(ids)` →
    `{added: [...], n}`. */
export function planHost(name, add) {
  if (!("BroadcastChannel" in window)) return;
  const channel = new BroadcastChannel(name);
  const id = token();
  channel.addEventListener("message", ({ data }) => {
    if (!data || typeof data !== "object") return;
    if (data.type === "ping") channel.postMessage({ type: "here", id });
    else if (data.type === "add" && data.to === id && Array.isArray(data.ids)) {
      const done = add(data.ids.filter((x) => typeof x === "string"));
      channel.postMessage({ type: "added", to: data.from, ref: data.ref, ...done });
    }
  });
  channel.postMessage({ type: "here", id });
  window.addEventListener("pagehide", () => channel.postMessage({ type: "gone", id }));
  // back from the browser's page cache: announce again
  window.addEventListener("pageshow", (e) => {
    if (e.persisted) channel.postMessage({ type: "here", id });
  });
}
