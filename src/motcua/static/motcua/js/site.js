// Small progressive enhancements; every page works without them.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  // A <select class="js-autosubmit"> submits its form when changed (the unit switcher).
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("select.js-autosubmit") && target.form) {
      target.form.requestSubmit ? target.form.requestSubmit() : target.form.submit();
    }
  });
  // The menu button opens and closes the main menu on small screens.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".site-nav__toggle");
    if (!button) return;
    var list = document.getElementById(button.getAttribute("aria-controls"));
    var open = list.classList.toggle("is-open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
})();
