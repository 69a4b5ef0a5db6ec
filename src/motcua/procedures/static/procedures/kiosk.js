// Lobby kiosk: after a while without a touch, go back to the start screen so the next citizen
// finds a clean screen. Everything else on the kiosk works without JavaScript.
(function () {
  "use strict";
  var root = document.querySelector("[data-kiosk-idle]");
  if (!root) { return; }
  var seconds = parseFloat(root.getAttribute("data-kiosk-idle"));
  var home = root.getAttribute("data-kiosk-home");
  if (!(seconds > 0) || !home) { return; }
  var timer = null;

  function atStart() {
    var input = document.querySelector(".kiosk-search__input");
    return window.location.pathname === home && !window.location.search &&
      window.scrollY === 0 && (!input || input.value === "");
  }

  function reset() {
    if (atStart()) { arm(); return; }
    window.location.replace(home);
  }

  function arm() {
    window.clearTimeout(timer);
    timer = window.setTimeout(reset, seconds * 1000);
  }

  ["pointerdown", "touchstart", "keydown", "input", "scroll", "wheel"].forEach(function (name) {
    window.addEventListener(name, arm, { passive: true, capture: true });
  });
  arm();
})();
