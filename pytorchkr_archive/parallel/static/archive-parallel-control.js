// The parallel view's toggle (pytorchkr_archive.parallel). The view itself,
// archive-parallel.js, is loaded only when it is asked for: a press, or
// ?parallel=<language> in the address, or the reader's last choice.
(() => {
  const control = document.querySelector(".parallel-control");
  if (!control) return;
  const asked = new URLSearchParams(window.location.search).get("parallel");
  let remembered = null;
  try {
    remembered = localStorage.getItem("archive-parallel");
  } catch {} // storage refused: nothing remembered
  const start = (button) => {
    control.removeEventListener("click", pressed);
    const script = document.createElement("script");
    script.src = control.dataset.parallelScript;
    script.onload = () => window.archiveParallel.start(control, button, asked, remembered);
    document.head.append(script);
  };
  const pressed = (event) => {
    const button = event.target.closest("button.parallel-toggle");
    if (button) start(button);
  };
  control.addEventListener("click", pressed);
  const wanted = asked ?? remembered;
  if (wanted && wanted !== "off") start(null);
})();
