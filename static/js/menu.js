/* The header menu is a <details>: it opens and closes without JavaScript.
   This only closes it on Escape and on a tap outside, as a menu is expected to. */
(function () {
  "use strict";
  var menu = document.querySelector("details.menu");
  if (!menu) return;
  var button = menu.querySelector("summary");
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open) {
      menu.open = false;
      button.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (menu.open && !menu.contains(event.target)) menu.open = false;
  });
})();
