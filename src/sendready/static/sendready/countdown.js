// Keep the timeline's countdowns live: ask the server (which knows working days) every minute.
const table = document.querySelector("[data-countdowns-url]");
if (table) {
  const refresh = async () => {
    try {
      const response = await fetch(table.dataset.countdownsUrl, { credentials: "same-origin" });
      if (!response.ok) return;
      const { countdowns } = await response.json();
      table.querySelectorAll("[data-countdown]").forEach((cell) => {
        const text = countdowns[cell.dataset.countdown];
        if (text !== undefined && cell.textContent !== text) cell.textContent = text;
      });
    } catch (error) {
      // Offline for a moment: keep the last known countdowns.
    }
  };
  setInterval(refresh, 60000);
}
