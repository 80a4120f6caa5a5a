// Proof of work for polls that ask for it (ALTCHA's challenge format, solved here without any widget).
// <form data-pow-url="/api/v1/polls/1/challenge"> with <input type="hidden" name="altcha"> and an element
// [data-pow-status] for messages (data-solving, data-ready, data-failed). The browser tries numbers until
// SHA-256(salt + number) equals the challenge; the server checks the signed challenge and accepts it once.
(function () {
  'use strict';

  var encoder = new TextEncoder();

  function hex(buffer) {
    var bytes = new Uint8Array(buffer);
    var out = '';
    for (var i = 0; i < bytes.length; i++) {
      out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return out;
  }

  // SHA-256 in plain JavaScript, for pages served over plain HTTP where Web Crypto is not available.
  var K = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];

  function sha256(bytes) {
    var length = bytes.length;
    var blocks = ((length + 9 + 63) >> 6) << 4;
    var words = new Uint32Array(blocks);
    for (var i = 0; i < length; i++) {
      words[i >> 2] |= bytes[i] << (24 - (i % 4) * 8);
    }
    words[length >> 2] |= 0x80 << (24 - (length % 4) * 8);
    words[blocks - 1] = length * 8;
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var w = new Uint32Array(64);
    for (var b = 0; b < blocks; b += 16) {
      for (var t = 0; t < 64; t++) {
        if (t < 16) {
          w[t] = words[b + t];
        } else {
          var x = w[t - 15];
          var y = w[t - 2];
          var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
          var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
          w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
        }
      }
      var a = h[0], c1 = h[1], c2 = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (var r = 0; r < 64; r++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var t1 = (k + S1 + ((e & f) ^ (~e & g)) + K[r] + w[r]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var t2 = (S0 + ((a & c1) ^ (a & c2) ^ (c1 & c2))) | 0;
        k = g; g = f; f = e; e = (d + t1) | 0; d = c2; c2 = c1; c1 = a; a = (t1 + t2) | 0;
      }
      h[0] = (h[0] + a) | 0; h[1] = (h[1] + c1) | 0; h[2] = (h[2] + c2) | 0; h[3] = (h[3] + d) | 0;
      h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + k) | 0;
    }
    var out = '';
    for (var j = 0; j < 8; j++) {
      out += ('00000000' + (h[j] >>> 0).toString(16)).slice(-8);
    }
    return out;
  }

  var subtle = window.crypto && window.crypto.subtle;

  // Tries numbers in batches (Web Crypto answers asynchronously; a batch at a time keeps the page responsive).
  function solve(challenge) {
    var max = challenge.maxnumber || 1000000;
    var started = Date.now();
    var batch = 1000;
    function run(from) {
      if (from > max) {
        return Promise.reject(new Error('no solution'));
      }
      var to = Math.min(max, from + batch - 1);
      if (!subtle) {
        for (var n = from; n <= to; n++) {
          if (sha256(encoder.encode(challenge.salt + n)) === challenge.challenge) {
            return Promise.resolve(n);
          }
        }
        return new Promise(function (resolve) { setTimeout(resolve, 0); }).then(function () { return run(to + 1); });
      }
      var digests = [];
      for (var m = from; m <= to; m++) {
        digests.push(subtle.digest('SHA-256', encoder.encode(challenge.salt + m)));
      }
      return Promise.all(digests).then(function (results) {
        for (var i = 0; i < results.length; i++) {
          if (hex(results[i]) === challenge.challenge) {
            return from + i;
          }
        }
        return run(to + 1);
      });
    }
    return run(0).then(function (number) {
      return btoa(JSON.stringify({
        algorithm: challenge.algorithm, challenge: challenge.challenge, number: number,
        salt: challenge.salt, signature: challenge.signature, took: Date.now() - started
      }));
    });
  }

  function prepare(form) {
    if (form.getAttribute('data-pow-state')) {
      return;
    }
    form.setAttribute('data-pow-state', 'solving');
    var field = form.querySelector('input[name="altcha"]');
    var status = form.querySelector('[data-pow-status]');
    var buttons = form.querySelectorAll('button[type=submit]');
    function say(which) {
      if (status) {
        status.textContent = status.getAttribute('data-' + which) || '';
        status.hidden = false;
      }
    }
    buttons.forEach(function (b) { b.disabled = true; });
    say('solving');
    fetch(form.getAttribute('data-pow-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('challenge ' + response.status);
        }
        return response.json();
      })
      .then(solve)
      .then(function (payload) {
        field.value = payload;
        form.setAttribute('data-pow-state', 'ready');
        buttons.forEach(function (b) { b.disabled = false; });
        say('ready');
      })
      .catch(function () {
        form.setAttribute('data-pow-state', 'failed');
        say('failed');
      });
  }

  function scan(root) {
    var base = root && root.querySelectorAll ? root : document;
    if (base.matches && base.matches('form[data-pow-url]')) {
      prepare(base);
    }
    base.querySelectorAll('form[data-pow-url]').forEach(prepare);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { scan(document); });
  } else {
    scan(document);
  }
  // A form swapped in by htmx after a vote gets a fresh challenge (a solution is accepted once).
  document.addEventListener('htmx:load', function (event) { scan(event.detail.elt || document); });
}());
