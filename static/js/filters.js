// Progressive enhancement of the filter forms, which work without this script:
// a select marked data-autosubmit submits its form on change, and the folded
// filter panel (a <details>, closed on phones) starts open on wide screens.
(function () {
  "use strict";
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () {
      if (select.form) {
        select.form.requestSubmit ? select.form.requestSubmit() : select.form.submit();
      }
    });
  });
  if (window.matchMedia && window.matchMedia("(min-width: 64em)").matches) {
    document.querySelectorAll("details[data-filter-panel]").forEach(function (panel) {
      panel.open = true;
    });
  }
})();
