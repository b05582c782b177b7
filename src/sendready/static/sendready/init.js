import { initAll } from "/static/govuk/govuk-frontend.min.js";

initAll();
document.querySelectorAll("[data-sr-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
