// Poll the import's JSON status into the live region; reload the page when the import finishes.
const box = document.getElementById("import-progress");
if (box) {
  const bar = document.getElementById("import-progress-bar");
  const text = document.getElementById("import-progress-text");
  const url = box.dataset.statusUrl;
  let last = "";
  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
      if (response.ok) {
        const s = await response.json();
        if (s.finished) {
          window.location.assign(s.page);
          return;
        }
        bar.value = s.percent;
        bar.textContent = `${s.percent}%`;
        const rows = s.rows_total ? ` (${s.rows_total.toLocaleString("en-GB")} rows)` : "";
        const message = `${s.phase_text}: ${s.percent}%${rows}`;
        // Only change the live region when the words change, so screen readers are not flooded.
        if (message !== last) {
          text.textContent = message;
          last = message;
        }
      }
    } catch (error) {
      // A dropped connection: try again on the next tick.
    }
    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 500);
}
