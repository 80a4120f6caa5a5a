// Small progressive enhancements; every page works without this file.
(function () {
  'use strict';

  document.documentElement.classList.add('js');

  // A browser that has just received its visitor cookie says it kept it: that confirms the visit (robots and
  // clients that drop cookies never do). The marker cookie is removed by the answer, so this runs once.
  if (/(?:^|;\s*)dvk_n=1/.test(document.cookie)) {
    var confirmUrl = '/api/v1/visits/confirm';
    if (navigator.sendBeacon) {
      navigator.sendBeacon(confirmUrl);
    } else {
      fetch(confirmUrl, { method: 'POST', credentials: 'same-origin', keepalive: true });
    }
  }

  // Coming back with the browser's Back button must not leave buttons disabled.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('button[aria-busy="true"], input[aria-busy="true"]').forEach(function (b) {
      b.disabled = false;
      b.removeAttribute('aria-busy');
    });
  });

  // Ask before destructive actions: <form data-confirm="…"> or <button data-confirm="…">.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  // Disable a form's submit buttons once it is sent, so a double click does not send it twice.
  document.addEventListener('submit', function (event) {
    if (event.defaultPrevented) {
      return;
    }
    var form = event.target;
    window.setTimeout(function () {
      form.querySelectorAll('button[type=submit], input[type=submit]').forEach(function (b) {
        b.disabled = true;
        b.setAttribute('aria-busy', 'true');
      });
    }, 0);
  });

  // htmx requests carry the CSRF token from the page's meta tags.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Show the back-to-top link only after scrolling down a screen.
  var back = document.querySelector('.back-to-top');
  if (back) {
    var update = function () {
      back.classList.toggle('is-visible', window.scrollY > window.innerHeight / 2);
    };
    window.addEventListener('scroll', update, { passive: true });
    update();
  }

  // "Check all": <input type="checkbox" data-check-all="name"> ticks every box of that name in its form.
  document.querySelectorAll('input[data-check-all]').forEach(function (all) {
    all.addEventListener('change', function () {
      all.form.querySelectorAll('input[type=checkbox][name="' + all.dataset.checkAll + '"]').forEach(function (box) {
        box.checked = all.checked;
      });
    });
  });

  // "Copy link" on article pages (hidden without JavaScript, where the share links remain).
  document.querySelectorAll('.copy-link').forEach(function (button) {
    if (!navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(button.dataset.url).then(function () {
        button.textContent = button.dataset.copied;
      });
    });
  });
})();
