// Surveys: show a question only when the answer it depends on says so (the server checks the
// same rule); the kiosk's thank-you page returns to the list after a few seconds.
(function () {
  "use strict";
  function answers(form, code) {
    return Array.prototype.map.call(
      form.querySelectorAll('[name="' + code + '"]:checked'),
      function (input) { return input.value; }
    );
  }
  function refresh(form) {
    form.querySelectorAll(".question[data-show-if]").forEach(function (block) {
      var wanted = block.getAttribute("data-show-values").split(",");
      var given = answers(form, block.getAttribute("data-show-if"));
      block.hidden = !given.some(function (value) { return wanted.indexOf(value) !== -1; });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form").forEach(function (form) {
      if (!form.querySelector(".question[data-show-if]")) { return; }
      refresh(form);
      form.addEventListener("change", function () { refresh(form); });
    });
    var back = document.querySelector("[data-return-to]");
    if (back) {
      var seconds = parseInt(back.getAttribute("data-return-after"), 10) || 8;
      window.setTimeout(function () { window.location.assign(back.getAttribute("data-return-to")); }, seconds * 1000);
    }
  });
})();
