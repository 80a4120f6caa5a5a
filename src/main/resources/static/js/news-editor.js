// Rich-text editing of article bodies. Without JavaScript the body is a plain HTML textarea; with it, the textarea
// becomes a formatted editing area with a toolbar, and its HTML goes back into the textarea on submit. The server
// cleans the HTML either way (jsoup allow-list), so nothing here is a safety measure.
document.addEventListener('DOMContentLoaded', function () {
  var box = document.querySelector('.rich-editor');
  if (!box) {
    return;
  }
  var textarea = box.querySelector('textarea');
  var toolbar = box.querySelector('.editor-toolbar');
  var area = document.createElement('div');
  area.className = 'form-control editor-area';
  area.contentEditable = 'true';
  area.setAttribute('role', 'textbox');
  area.setAttribute('aria-multiline', 'true');
  area.setAttribute('aria-labelledby', textarea.id + '-label');
  var label = box.querySelector('label[for="' + textarea.id + '"]');
  if (label) {
    label.id = textarea.id + '-label';
  }
  area.innerHTML = textarea.value;
  textarea.hidden = true;
  textarea.parentNode.insertBefore(area, textarea);
  toolbar.hidden = false;
  var source = false;
  var sync = function () {
    if (!source) {
      textarea.value = area.innerHTML;
    }
  };
  area.addEventListener('input', sync);
  textarea.form.addEventListener('submit', sync);
  toolbar.addEventListener('click', function (e) {
    var button = e.target.closest('button[data-cmd]');
    if (!button) {
      return;
    }
    var cmd = button.dataset.cmd;
    if (cmd === 'source') {
      source = !source;
      if (source) {
        textarea.value = area.innerHTML;
      } else {
        area.innerHTML = textarea.value;
      }
      textarea.hidden = !source;
      area.hidden = source;
      button.setAttribute('aria-pressed', source ? 'true' : 'false');
      return;
    }
    if (source) {
      return;
    }
    area.focus();
    if (cmd === 'createLink') {
      var url = window.prompt(button.dataset.prompt, 'https://');
      if (url) {
        document.execCommand('createLink', false, url);
      }
    } else if (cmd === 'insertTable') {
      document.execCommand('insertHTML', false,
        '<table><thead><tr><th>…</th><th>…</th></tr></thead><tbody><tr><td>…</td><td>…</td></tr></tbody></table><p></p>');
    } else if (cmd === 'formatBlock') {
      document.execCommand('formatBlock', false, button.dataset.arg);
    } else {
      document.execCommand(cmd, false, null);
    }
    sync();
  });
});
