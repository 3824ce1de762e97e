/* Nærvær — the absence check's module (absence-check.js) is fetched only when the reader
   starts to use the check, so the guide page it sits on stays within the first-load budget
   (tests/test_budget.py). This loader shows the form, and loads the module on the first
   focus or touch in it; a submit before the module is there waits for it. Nothing is
   stored, put in the address or sent. */
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
    if (ready) return; // the module answers
    event.preventDefault(); // never a real submit: the numbers stay on the device
    pending = true;
    load();
  });
  form.hidden = false;
}
