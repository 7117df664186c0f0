/* The page: reads settings, polls <endpoint>/v1/helloworld, renders the timeline. Logic lives in timeline.js. */
(function () {
  'use strict';
  var T = window.Timeline;
  var timeline = T.emptyTimeline();
  var settings = { endpoint: '', pollSeconds: T.DEFAULT_POLL_SECONDS, problems: [] };
  var timer = null;
  var paused = false;
  var generation = 0;

  function $(id) { return document.getElementById(id); }

  function clock(ms) {
    var d = new Date(ms);
    return d.toLocaleTimeString([], { hour12: false }) + '.' + String(d.getMilliseconds()).padStart(3, '0');
  }

  function pollOnce() {
    var url = T.helloUrl(settings.endpoint);
    var started = performance.now();
    var at = Date.now();
    var controller = new AbortController();
    var timeoutMs = Math.max(1000, Math.min(5000, settings.pollSeconds * 1000));
    var abort = setTimeout(function () { controller.abort(); }, timeoutMs);
    return fetch(url, { cache: 'no-store', signal: controller.signal })
      .then(function (response) {
        return response.text().then(function (text) {
          var body = null;
          try { body = JSON.parse(text); } catch { body = null; }
          if (!response.ok) {
            var why = body && body.message ? ': ' + body.message : '';
            return { error: 'HTTP ' + response.status + why, status: response.status };
          }
          var region = T.regionOf(body);
          return region ? { region: region } : { error: 'unexpected answer: ' + text.slice(0, 80) };
        });
      })
      .catch(function (error) {
        return { error: controller.signal.aborted ? 'no answer within ' + T.formatDuration(timeoutMs) : 'request failed (' + error.message + ')' };
      })
      .then(function (result) {
        clearTimeout(abort);
        result.at = at;
        result.latencyMs = performance.now() - started;
        return result;
      });
  }

  function schedule(mine) {
    if (paused || !settings.endpoint || mine !== generation) return;
    var started = Date.now();
    pollOnce().then(function (result) {
      if (mine !== generation) return;
      timeline = T.record(timeline, result);
      render();
      var wait = Math.max(0, settings.pollSeconds * 1000 - (Date.now() - started));
      timer = setTimeout(function () { schedule(mine); }, wait);
    });
  }

  function restart() {
    generation += 1;
    clearTimeout(timer);
    schedule(generation);
  }

  function row(entry) {
    var tr = document.createElement('tr');
    tr.dataset.kind = entry.kind;
    if (entry.status) tr.dataset.status = String(entry.status);
    var note = entry.kind === 'switch' ? 'switched from ' + entry.from : entry.kind === 'error' ? entry.error : '';
    [clock(entry.at), entry.region || '—', T.formatDuration(entry.latencyMs), note].forEach(function (text) {
      var td = document.createElement('td');
      td.textContent = text;
      tr.appendChild(td);
    });
    return tr;
  }

  function render() {
    $('target-url').textContent = settings.endpoint ? T.helloUrl(settings.endpoint) : '(no endpoint)';
    $('poll-period').textContent = T.formatDuration(settings.pollSeconds * 1000);
    $('current-region').textContent = timeline.region || '—';
    var s = timeline.lastSwitch;
    $('last-switch').textContent = s
      ? s.from + ' → ' + s.to + ' at ' + clock(s.at) + ', ' + T.formatDuration(s.tookMs) + ' after the last '
        + s.from + ' answer' + (s.errorsBetween ? ' (' + s.errorsBetween + ' error' + (s.errorsBetween > 1 ? 's' : '') + ' between)' : '')
      : 'none yet';
    $('counts').textContent = timeline.answers + ' / ' + timeline.errors;
    var problems = settings.problems.slice();
    if (!settings.endpoint) problems.push('No endpoint: add ?endpoint=https://<your domain> to the address, or a settings.json beside this page.');
    $('problems').hidden = problems.length === 0;
    $('problems').textContent = problems.join(' ');
    var body = $('entries');
    body.textContent = '';
    for (var i = timeline.entries.length - 1; i >= 0; i--) body.appendChild(row(timeline.entries[i]));
  }

  function apply(search, fileSettings) {
    settings = T.readSettings(search, fileSettings);
    $('endpoint').value = settings.endpoint;
    $('interval').value = String(settings.pollSeconds);
    render();
    restart();
  }

  $('settings').addEventListener('submit', function (event) {
    event.preventDefault();
    var query = new URLSearchParams(location.search);
    query.set('endpoint', $('endpoint').value);
    query.set('interval', $('interval').value);
    history.replaceState(null, '', '?' + query.toString());
    apply(location.search, {});
  });

  $('pause').addEventListener('click', function () {
    paused = !paused;
    $('pause').textContent = paused ? 'Resume' : 'Pause';
    restart();
  });

  fetch('settings.json', { cache: 'no-store' })
    .then(function (response) { return response.ok ? response.json() : {}; })
    .catch(function () { return {}; })
    .then(function (fileSettings) { apply(location.search, fileSettings); });
})();
