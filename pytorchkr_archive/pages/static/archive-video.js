// Loads a session's player only when asked (archive-event-programme.html).
"use strict";
(function () {
  function load(button) {
    var player = document.getElementById(button.getAttribute("aria-controls"));
    if (!player || player.firstChild) return;
    var frame = document.createElement("iframe");
    frame.src = button.getAttribute("data-embed");
    frame.title = button.getAttribute("data-title");
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.allow = "encrypted-media; picture-in-picture; fullscreen";
    frame.allowFullscreen = true;
    player.appendChild(frame);
    button.hidden = true;
    frame.focus();
  }
  function ready() {
    document.querySelectorAll(".event-video-play[data-embed]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { load(button); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
