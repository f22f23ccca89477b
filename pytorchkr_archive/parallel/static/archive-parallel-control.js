// The parallel view's control (pytorchkr_archive.parallel). It decides whether
// the view is on: ?parallel=<language> in the address, else the reader's last
// choice. Only then, or when the reader presses the toggle, does it load the
// view (archive-parallel.js and its stylesheet) and the two data files.
(() => {
  const control = document.querySelector(".parallel-control");
  if (!control) return;
  const KEY = "archive-parallel";
  const own = document.documentElement.lang;
  const toggles = [...control.querySelectorAll("button.parallel-toggle")];
  const byLang = new Map(toggles.map((button) => [button.dataset.parallelLang, button]));
  let loading = null;
  let current = null;

  const load = () =>
    (loading ||= new Promise((resolve, reject) => {
      const style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = control.dataset.parallelStyle;
      document.head.append(style);
      const script = document.createElement("script");
      script.src = control.dataset.parallelScript;
      script.onload = () => resolve(window.archiveParallel);
      script.onerror = () => {
        loading = null;
        reject(new Error(script.src));
      };
      document.head.append(script);
    }));

  const remembered = () => {
    try {
      return localStorage.getItem(KEY);
    } catch {
      return null; // storage refused (a private window, file:// in some browsers)
    }
  };
  const remember = (lang) => {
    try {
      localStorage.setItem(KEY, lang || "off");
    } catch {}
  };
  const showInAddress = (lang) => {
    const url = new URL(window.location.href);
    if (lang) url.searchParams.set("parallel", lang);
    else url.searchParams.delete("parallel");
    history.replaceState(history.state, "", url);
  };
  // A language of the archive asked for on its own page means "the other one".
  const choose = (wanted) => {
    if (!wanted || wanted === "off") return null;
    if (byLang.has(wanted)) return wanted;
    return wanted === own && toggles.length ? toggles[0].dataset.parallelLang : null;
  };

  const turn = async (lang, chosen) => {
    current = lang;
    for (const button of toggles) {
      button.setAttribute("aria-pressed", String(button.dataset.parallelLang === lang));
    }
    // The address says what is shown, so that it can be shared as it is.
    if (chosen) remember(lang);
    if (chosen || lang) showInAddress(lang);
    if (!lang) {
      window.archiveParallel?.hide();
      return;
    }
    const view = await load();
    if (current !== lang) return;
    const button = byLang.get(lang);
    view.show({
      lang,
      name: button.querySelector("[lang]")?.textContent || lang,
      src: button.dataset.parallelSrc,
      page: button.dataset.parallelPage,
      own: control.dataset.parallelOwn,
      ownLang: own,
      status: control,
    });
  };

  control.addEventListener("click", (event) => {
    const button = event.target.closest("button.parallel-toggle");
    if (!button) return;
    const pressed = button.getAttribute("aria-pressed") === "true";
    turn(pressed ? null : button.dataset.parallelLang, true);
  });
  const asked = new URLSearchParams(window.location.search).get("parallel");
  const lang = choose(asked ?? remembered());
  if (asked !== null) turn(lang, true);
  else if (lang) turn(lang, false);
})();
