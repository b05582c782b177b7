// Keep the board current without reloading: fetch its live part every 20 seconds. Without
// JavaScript the page shows the time it was built and a Refresh link instead.
const status = document.getElementById("board-status");
const live = document.getElementById("board-live");
const announce = document.getElementById("board-announce");
if (status && live) {
  const refresh = async () => {
    try {
      const response = await fetch(status.dataset.boardUrl, { credentials: "same-origin" });
      if (!response.ok) return;
      const data = await response.json();
      const before = live.querySelectorAll("[data-count]");
      const old = Array.from(before, (n) => n.textContent).join(",");
      live.innerHTML = data.html;
      const now = Array.from(live.querySelectorAll("[data-count]"), (n) => n.textContent).join(",");
      status.textContent = `Updated at ${data.updated} (London).`;
      if (old !== now && announce) {
        const c = data.counts;
        announce.textContent = `The board has changed: ${c.overdue} overdue, ${c.due_today} due today, ${c.waiting_review} waiting for review.`;
      }
    } catch (error) {
      // Offline for a moment: keep what is shown.
    }
  };
  setInterval(refresh, 20000);
  document.addEventListener("visibilitychange", () => { if (!document.hidden) refresh(); });
}
