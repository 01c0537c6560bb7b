/* Search-box autocomplete (WAI-ARIA combobox with a listbox popup).
   Arrow keys move through suggestions, Enter opens one, Escape closes the list,
   a click or a tap opens the one under the finger.
   Without JavaScript the box is a plain GET form to /tim-kiem/. */
(function () {
  "use strict";
  var script = document.currentScript;
  var labels = {
    product: script ? script.dataset.labelProduct : "Sản phẩm",
    seller: script ? script.dataset.labelSeller : "Người bán",
    count: script ? script.dataset.labelCount : "gợi ý"
  };

  function setup(form) {
    var input = form.querySelector("[role=combobox]");
    var list = form.querySelector("[role=listbox]");
    var status = form.querySelector("[data-autocomplete-status]");
    var endpoint = form.getAttribute("data-autocomplete");
    if (!input || !list || !endpoint) return;
    var items = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = "";

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(index) {
      var item = items[index];
      if (!item) return;
      close();
      window.location.href = item.url;
    }

    function render(suggestions) {
      items = suggestions;
      list.textContent = "";
      suggestions.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = "site-search-option-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.className = "search-box__option search-box__option--" + item.type;
        var text = document.createElement("span");
        text.textContent = item.text;
        var kind = document.createElement("span");
        kind.className = "search-box__kind";
        kind.textContent = labels[item.type] || "";
        li.appendChild(text);
        li.appendChild(kind);
        // Keep the focus in the box (no blur) on a press, open the choice on a click or tap.
        li.addEventListener("mousedown", function (event) { event.preventDefault(); });
        li.addEventListener("click", function () { go(i); });
        li.addEventListener("mousemove", function () { if (active !== i) highlight(i); });
        list.appendChild(li);
      });
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
      if (status) status.textContent = suggestions.length + " " + labels.count;
      active = -1;
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q === lastQuery) return;
      lastQuery = q;
      if (q.length < 2) { render([]); return; }
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(endpoint + "?q=" + encodeURIComponent(q), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === q) render(data.suggestions || []); })
        .catch(function () { /* aborted or offline: keep the plain form */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 120);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        if (list.hidden && items.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        if (items.length) { event.preventDefault(); highlight((active + 1) % items.length); }
      } else if (event.key === "ArrowUp") {
        if (items.length) { event.preventDefault(); highlight(active <= 0 ? items.length - 1 : active - 1); }
      } else if (event.key === "Enter") {
        if (!list.hidden && active >= 0 && items[active]) {
          event.preventDefault();
          go(active);
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) { event.preventDefault(); close(); }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    input.addEventListener("focus", function () {
      if (items.length && input.value.trim() === lastQuery) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    });
  }

  function init() {
    document.querySelectorAll("form[data-autocomplete]").forEach(setup);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
