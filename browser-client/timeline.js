/*
 * The browser client's logic, free of the DOM so jest can test it: settings, the timeline of poll results, and how
 * region switches are detected and timed. Loaded by index.html as a plain script (window.Timeline), and by tests
 * through require().
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.Timeline = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  var DEFAULT_POLL_SECONDS = 10;
  var MIN_POLL_SECONDS = 0.1;
  var MAX_ENTRIES = 5000;
  var HELLO_PATH = '/v1/helloworld';

  function emptyTimeline() {
    return { entries: [], region: null, lastAnswerAt: null, errorsSinceAnswer: 0, lastSwitch: null, answers: 0, errors: 0 };
  }

  /**
   * The timeline after one poll. `poll` is {at, latencyMs, region} for an answer, {at, latencyMs, error, status} for
   * an HTTP error status (e.g. API Gateway's 502 or 429), or {at, latencyMs, error} when no answer came. Errors are kept beside answers (the history is never cleared); an answer from another region than the
   * previous answer is a switch, timed from the last answer of the old region to the first of the new one.
   */
  function record(timeline, poll) {
    var entries = timeline.entries.concat([]);
    var next = Object.assign({}, timeline, { entries: entries });
    if (poll.error) {
      var failure = { at: poll.at, latencyMs: poll.latencyMs, kind: 'error', error: poll.error };
      if (poll.status) failure.status = poll.status;
      entries.push(failure);
      next.errorsSinceAnswer = timeline.errorsSinceAnswer + 1;
      next.errors = timeline.errors + 1;
    } else {
      var switched = timeline.region !== null && poll.region !== timeline.region;
      var entry = { at: poll.at, latencyMs: poll.latencyMs, kind: switched ? 'switch' : 'answer', region: poll.region };
      if (switched) {
        entry.from = timeline.region;
        next.lastSwitch = {
          from: timeline.region,
          to: poll.region,
          at: poll.at,
          tookMs: poll.at - timeline.lastAnswerAt,
          errorsBetween: timeline.errorsSinceAnswer,
        };
      }
      entries.push(entry);
      next.region = poll.region;
      next.lastAnswerAt = poll.at;
      next.errorsSinceAnswer = 0;
      next.answers = timeline.answers + 1;
    }
    if (entries.length > MAX_ENTRIES) entries.splice(0, entries.length - MAX_ENTRIES);
    return next;
  }

  /** The region named in a hello-world answer ({"message":"Hello from us-east-1"}), or null. */
  function regionOf(body) {
    var match = body && typeof body.message === 'string' ? /^Hello from (\S+)$/.exec(body.message) : null;
    return match ? match[1] : null;
  }

  /**
   * Effective settings: the query string (?endpoint=...&interval=...) wins over settings.json, which wins over the
   * defaults. Returns {endpoint, pollSeconds, problems}; a bad value is named in `problems` and ignored.
   */
  function readSettings(search, fileSettings) {
    var query = new URLSearchParams(search || '');
    var file = fileSettings || {};
    var problems = [];
    var endpoint = (query.get('endpoint') || file.endpoint || '').trim().replace(/\/+$/, '');
    if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
      problems.push('endpoint "' + endpoint + '" is not an http(s) URL');
      endpoint = '';
    }
    var pollSeconds = DEFAULT_POLL_SECONDS;
    var requested = query.has('interval') ? query.get('interval') : file.pollSeconds;
    if (requested !== undefined && requested !== null && requested !== '') {
      var value = Number(requested);
      if (isFinite(value) && value >= MIN_POLL_SECONDS) pollSeconds = value;
      else problems.push('interval "' + requested + '" is not a number of seconds >= ' + MIN_POLL_SECONDS);
    }
    return { endpoint: endpoint, pollSeconds: pollSeconds, problems: problems };
  }

  function helloUrl(endpoint) {
    return endpoint.replace(/\/+$/, '') + HELLO_PATH;
  }

  function formatDuration(ms) {
    if (Math.round(ms) < 1000) return Math.round(ms) + ' ms';
    if (ms < 60000) return (ms / 1000).toFixed(1) + ' s';
    return Math.floor(ms / 60000) + ' min ' + Math.round((ms % 60000) / 1000) + ' s';
  }

  return {
    DEFAULT_POLL_SECONDS: DEFAULT_POLL_SECONDS,
    MAX_ENTRIES: MAX_ENTRIES,
    emptyTimeline: emptyTimeline,
    record: record,
    regionOf: regionOf,
    readSettings: readSettings,
    helloUrl: helloUrl,
    formatDuration: formatDuration,
  };
});
