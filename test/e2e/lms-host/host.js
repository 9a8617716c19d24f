// The LMS of the browser tests: scorm-again's run-time with its API on this
// window, the package's launch page in an iframe, as Moodle's player does.
// Every call the package makes is logged with GetLastError right after it;
// at each Commit and Terminate the data the LMS would keep is logged and
// sent to the test server (a beacon still arrives when the tab is closed).
// Query: fmt=12|2004, sco=<URL of the launch page>, stored=<JSON of a
// previous launch's data, to resume>.
{
  const q = new URLSearchParams(location.search)
  const fmt = q.get('fmt')
  const stored = q.get('stored')
  // No commit URL: scorm-again keeps the data in the page and sends nothing. logLevel 5: silent.
  const settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5 }
  const api = fmt === '12' ? new window.Scorm12API(settings) : new window.Scorm2004API(settings)
  if (stored) api.loadFromJSON(JSON.parse(stored))
  const names =
    fmt === '12'
      ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit']
      : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit']
  const lastError = fmt === '12' ? 'LMSGetLastError' : 'GetLastError'
  window.lmsLog = []
  for (const name of names) {
    const call = api[name].bind(api)
    api[name] = (...args) => {
      const result = call(...args)
      window.lmsLog.push({
        fn: name,
        args: args.map(String),
        types: args.map((a) => typeof a),
        result: String(result),
        error: String(api[lastError]()),
      })
      if (/Commit|Finish|Terminate/.test(name)) {
        const kept = JSON.stringify({ fn: name, cmi: api.renderCMIToJSONObject(), log: window.lmsLog })
        navigator.sendBeacon('/beacon', kept)
      }
      return result
    }
  }
  if (fmt === '12') window.API = api
  else window.API_1484_11 = api
  window.lmsApi = api
  document.addEventListener('DOMContentLoaded', () => {
    const frame = document.createElement('iframe')
    frame.title = 'LMS player'
    frame.width = '800'
    frame.height = '700'
    frame.src = q.get('sco')
    document.getElementById('player').appendChild(frame)
    // As an LMS closing the activity: the launch page gets pagehide.
    window.closeSco = () => frame.remove()
  })
}
