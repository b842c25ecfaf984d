// Tells the benchmark the page is painted and interactive, as the wizard does after its first
// render, with the same start-up marks (UNIX epoch ms).
(function () {
  const clock = () => performance.timeOrigin + performance.now();
  const marks = [["page_start", performance.timeOrigin], ["script", clock()]];
  window.addEventListener("DOMContentLoaded", () => {
    marks.push(["dom_ready", clock()]);
    // Like the wizard: after the first frame is painted.
    requestAnimationFrame(() => setTimeout(() => {
      marks.push(["painted", clock()]);
      window.__TAURI__.core.invoke("ui_ready", { marks }).catch(() => {});
    }, 0));
  });
})();
