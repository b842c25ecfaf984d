// Tells the benchmark the page is painted and interactive, as the wizard does after its first
// render, with the same start-up marks (UNIX epoch ms).
(function () {
  const clock = () => performance.timeOrigin + performance.now();
  const marks = [["page_start", performance.timeOrigin], ["script", clock()]];
  window.addEventListener("DOMContentLoaded", () => {
    marks.push(["dom_ready", clock()]);
    // Like the wizard: once the first frame is on screen (the second animation frame starts
    // only after the compositor has shown the first).
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
      marks.push(["painted", clock()]);
      window.__TAURI__.core.invoke("ui_ready", { marks }).catch(() => {});
    }, 0)));
  });
})();
