/* Nærvær — category pages: each measure links to the plan builder on the overview, which
   adds it («Legg til i planen»; the fragment holds the measure's public ID, nothing typed).
   When a plan builder is open in another tab, the measure goes to that plan instead
   (plan-channel.js), so what the plan holds is kept; the link says so where it was pressed.
   Loaded only by category pages; stores nothing, sends nothing. */
import { fmt, pageData } from "./nv-common.js";
import { planFinder } from "./plan-channel.js";

const plan = document.querySelector("ol.nv-measures[data-plan-href]");
const planWords = pageData("nv-measures-data");
if (plan && planWords) {
  const { words } = planWords;
  const finder = planFinder(planWords.channel);
  for (const li of plan.querySelectorAll("li.nv-measure[data-id]")) {
    const id = li.dataset.id;
    const p = document.createElement("p");
    const a = document.createElement("a");
    const more = document.createElement("span");
    const said = document.createElement("span");
    p.className = "nv-measure__plan";
    a.href = plan.dataset.planHref + id;
    a.textContent = words.add;
    more.className = "nv-visually-hidden";
    more.textContent = `: ${words.measure} ${id}`;
    said.className = "nv-measure__plan-status";
    said.setAttribute("role", "status");
    a.append(more);
    p.append(a, " ", said);
    li.querySelector(":scope > .nv-measure__meta").after(p);
    a.addEventListener("click", async (event) => {
      if (!finder || !finder.found || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      const answer = await finder.add([id]);
      if (!answer) { location.href = a.href; return; }
      said.textContent = fmt(answer.added.includes(id) ? words.added : words.already,
        { id, n: answer.n });
    });
  }
}
