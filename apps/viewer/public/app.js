// Progressive enhancement: live progress over Server-Sent Events and search-as-you-type.
// Every page works without this script.
(() => {
  const fmt = (n) => (n == null ? "--" : Math.round(n).toLocaleString("en"));
  // As `eta` in src/html.ts, which writes the page as first served.
  const eta = (x) => {
    if (x == null) return "--";
    const s = Math.round(x);
    return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${s % 60}s`;
  };
  // As `when` in src/html.ts.
  const when = (ms) => (ms ? `${new Date(ms).toISOString().replace("T", " ").slice(0, 19)} UTC` : "--");
  function paint(run) {
    for (const el of document.querySelectorAll(`[data-run="${CSS.escape(run.id)}"]`)) {
      const set = (field, value) => {
        const t = el.querySelector(`[data-field="${field}"]`);
        if (t) t.textContent = value;
      };
      const pct = Math.floor(run.progress * 100);
      const bar = el.querySelector(".bar");
      if (bar) {
        bar.firstElementChild.style.width = `${pct}%`;
        bar.classList.toggle("done", run.status === "completed");
        bar.setAttribute("aria-valuenow", String(pct));
      }
      set("started", when(run.createdAt));
      // As hiddenUnlessDeleting in src/pages/runs.ts: a run whose deletion began and has not ended.
      for (const note of el.querySelectorAll("[data-deleting]")) note.hidden = run.deletingAt == null;
      set("deleting-at", when(run.deletingAt));
      set("percent", `${pct}%`);
      set("status", run.status);
      const badge = el.querySelector('[data-field="status"]');
      if (badge) badge.className = `badge ${run.status}`;
      set("docs", `${fmt(run.docsDone)} / ${fmt(run.documents)}${run.docsFailed ? ` (${fmt(run.docsFailed)} failed)` : ""}`);
      set("paragraphs", fmt(run.paragraphs));
      for (const t of ["summarize", "entities", "quotes"]) set(t, `${fmt(run.tasks[t].done)} / ${fmt(run.paragraphs)}${run.tasks[t].failed ? ` (${run.tasks[t].failed} failed)` : ""}`);
      set("rate", run.paragraphsPerSecond == null ? "--" : `${fmt(run.paragraphsPerSecond)}/s`);
      // As etaCell in src/pages/runs.ts.
      set("eta", run.status === "completed" ? "done" : run.stalled ? "stalled" : eta(run.etaSeconds));
      const failed = run.tasks.summarize.failed + run.tasks.entities.failed + run.tasks.quotes.failed;
      set("failed", fmt(failed));
    }
  }
  // The pager as the server writes it for this page now (after its rows or the number of runs
  // changed live); an answer older than the last one asked for is dropped.
  let pagerAsked = 0;
  const refreshPager = async () => {
    const asked = ++pagerAsked;
    try {
      const res = await fetch(location.href, { headers: { accept: "text/html" } });
      const fresh = res.ok ? new DOMParser().parseFromString(await res.text(), "text/html").querySelector("nav.pager") : null;
      if (fresh && asked === pagerAsked) document.querySelector("nav.pager")?.replaceWith(fresh);
    } catch {
      // The counts stay as they were; the next change of the rows or of the total tries again.
    }
  };
  const live = document.querySelector("[data-live]");
  if (live && "EventSource" in window) {
    const source = new EventSource(live.getAttribute("data-live"));
    // While Redis is down the stream stays open and says so; live updates resume on their own.
    const notice = document.createElement("div");
    notice.className = "warn";
    notice.setAttribute("role", "status");
    notice.hidden = true;
    live.prepend(notice);
    const say = (text) => {
      notice.textContent = text;
      notice.hidden = !text;
    };
    source.addEventListener("unavailable", (e) => say(`Live updates paused: ${e.data}. They resume when it is back.`));
    // The run was deleted while the page was open: the stream says so once and ends (closed
    // here too, or EventSource would reconnect to a 404).
    source.addEventListener("gone", () => {
      source.close();
      say("This run no longer exists: it was deleted while this page was open. Live updates have stopped.");
    });
    source.addEventListener("error", () => {
      if (source.readyState === EventSource.CLOSED) say("Live updates are off (the viewer refused or closed the stream): reload the page later.");
    });
    // A row of the run list for a run that appears live, from its template (paint fills it).
    const newRow = (run) => {
      const row = document.getElementById("run-row").content.firstElementChild.cloneNode(true);
      row.setAttribute("data-run", run.id);
      const link = row.querySelector("a");
      // As idPath in html.ts: "." and ".." cannot be a path segment.
      link.href = run.id === "." || run.id === ".." ? `/runs/?id=${run.id}` : `/runs/${encodeURIComponent(run.id)}`;
      link.textContent = run.id;
      row.querySelector("[data-deleting] code").textContent = `newsflow runs delete ${run.id}`;
      // As progressBar in src/pages/runs.ts: each row's bar is named after its run.
      row.querySelector(".bar").setAttribute("aria-label", `Progress of ${run.id}`);
      return row;
    };
    source.addEventListener("runs", (e) => {
      say("");
      // {runs} of one run's stream, {total, runs} of a page of the run list.
      const { runs, total } = JSON.parse(e.data);
      // A page of the run list holds the runs its stream lists, in their order, as a reload shows
      // it: new runs appear, a deleted run's row goes, and so does one pushed to the next page
      // (the page after takes it up); the pager is the server's again whenever the rows or the
      // number of runs change (a run deleted from another page changes only the number).
      const tbody = document.querySelector("tbody[data-runs]");
      if (tbody) {
        const before = [...tbody.querySelectorAll("tr[data-run]")];
        const rows = runs.map((run) => before.find((row) => row.getAttribute("data-run") === run.id) ?? newRow(run));
        const moved = rows.length !== before.length || rows.some((row, i) => row !== before[i]);
        if (moved) tbody.replaceChildren(...(rows.length ? rows : [document.getElementById("no-runs").content.firstElementChild.cloneNode(true)]));
        if (moved || String(total) !== tbody.getAttribute("data-total")) {
          tbody.setAttribute("data-total", String(total));
          refreshPager();
        }
      }
      for (const run of runs) paint(run);
    });
  }
  // Search as you type: the results are fetched and swapped in place, so the field keeps its
  // focus and every letter typed meanwhile (submitting the form reloaded the page, dropping
  // them), and the address follows the query without a history entry per pause.
  const search = document.querySelector("input[data-search]");
  if (search) {
    const form = search.form;
    let timer;
    let latest = 0;
    const failure = (text) => {
      const box = document.createElement("div");
      box.className = "warn";
      box.setAttribute("role", "alert");
      box.textContent = `Search failed: ${text}`;
      return box;
    };
    const refresh = async () => {
      const url = `${form.action}?${new URLSearchParams(new FormData(form))}`;
      const seq = ++latest;
      let fresh = null;
      let shown;
      try {
        const res = await fetch(url, { headers: { accept: "text/html" } });
        const page = new DOMParser().parseFromString(await res.text(), "text/html");
        fresh = res.ok ? page.querySelector("[data-results]") : null;
        shown = fresh ?? failure(page.querySelector(".warn")?.textContent ?? `the viewer answered ${res.status}.`);
      } catch {
        shown = failure("the viewer cannot be reached.");
      }
      // An older answer arriving after a newer one is dropped.
      if (seq !== latest) return;
      shown.setAttribute("data-results", "");
      document.querySelector("[data-results]")?.replaceWith(shown);
      if (fresh) history.replaceState(null, "", url);
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, 350);
    };
    search.addEventListener("input", later);
    form.querySelector("select")?.addEventListener("change", later);
  }
})();
