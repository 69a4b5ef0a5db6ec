// The quiz page: a countdown to the server's deadline, answers saved as they are chosen, and
// the form sent when time is up. The server enforces the limit whatever this script does.
(function () {
  "use strict";
  var timer = document.querySelector(".quiz-timer");
  var form = document.getElementById("quiz-form");
  if (!timer || !form) { return; }
  var deadline = Date.parse(timer.getAttribute("data-deadline"));
  var label = timer.querySelector(".js-countdown");
  var sent = false;

  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    var minutes = Math.floor(left / 60), seconds = left % 60;
    label.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
    timer.classList.toggle("is-low", left <= 60);
    if (left === 0 && !sent) {
      sent = true;
      form.submit();
      return;
    }
    window.setTimeout(tick, 1000);
  }
  tick();

  form.addEventListener("change", function (event) {
    if (event.target.type !== "radio" || !window.fetch) { return; }
    fetch(form.getAttribute("data-autosave"), {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    });
  });
  form.addEventListener("submit", function () { sent = true; });
})();
