/* Loads absence-check.js on first use (see naervaer/site/tools.py); sends nothing. */
const form = document.getElementById("nv-absence-form");
if (form) {
  let loading = null;
  let ready = false;
  let pending = false;
  const load = () => {
    loading = loading || import("./absence-check.js").then(() => {
      ready = true;
      if (pending) {
        pending = false;
        form.requestSubmit();
      }
    });
    return loading;
  };
  form.addEventListener("focusin", load);
  form.addEventListener("pointerdown", load);
  form.addEventListener("submit", (event) => {
    if (ready) return;
    event.preventDefault();
    pending = true;
    load();
  });
  form.hidden = false;
}
