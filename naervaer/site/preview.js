/* Nærvær — the local preview only (naervaer vis; never in a published site): reload the page
   when the edition has been built again, and show the problem while the settings file is
   broken. Asks the preview server for its status; sends nothing else, stores nothing. */
const STATUS = "/__naervaer__/status";
let seen = null;
let box = null;

function show(status) {
  if (!status.error) {
    if (box) box.remove();
    box = null;
    return;
  }
  if (!box) {
    box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.className = "nv-preview-error";
    box.style.cssText = "position:fixed;inset:auto 0 0 0;z-index:10;max-height:50vh;" +
      "overflow:auto;background:#fff4f4;color:#111;border-top:3px solid #b00020;" +
      "padding:0.8rem 1rem;font:0.8rem/1.4 monospace;white-space:pre-wrap";
    document.body.append(box);
  }
  const title = document.createElement("strong");
  title.textContent = status.title;
  box.replaceChildren(title, document.createTextNode("\n" + status.error));
}

async function poll() {
  try {
    const response = await fetch(STATUS, { cache: "no-store" });
    const status = await response.json();
    if (seen !== null && status.version !== seen && !status.error) {
      location.reload();
      return;
    }
    seen = status.version;
    show(status);
  } catch (err) {
    /* the preview was stopped: try again later */
  }
  setTimeout(poll, 500);
}
poll();
