// Progressive enhancement: a select marked data-autosubmit submits its form on change.
// The filter forms work without this script (they have a submit button).
(function () {
  "use strict";
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () {
      if (select.form) {
        select.form.requestSubmit ? select.form.requestSubmit() : select.form.submit();
      }
    });
  });
})();
