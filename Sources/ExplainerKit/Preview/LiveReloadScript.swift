/// The script pages load from `/_explainer/live.js`: listens to `/_explainer/events`,
/// reloads on `reload`, swaps stylesheets on `css`, and shows the build errors over the page
/// on `error`.
///
/// It is served from the site's own origin (so `script-src 'self'` allows it) and styles its
/// overlay only through the CSSOM (`element.style.x = …`), which `style-src 'self'` allows;
/// no inline `style` attribute or `<style>` element is ever created.
public enum LiveReloadScript {
    public static let source = #"""
    (function () {
      "use strict";
      if (!window.EventSource || window.__explainerLive) return;
      window.__explainerLive = true;
      var overlay = null;
      function clearOverlay() {
        if (overlay && overlay.parentNode) overlay.parentNode.removeChild(overlay);
        overlay = null;
      }
      function styled(tag, props) {
        var el = document.createElement(tag);
        for (var key in props) el.style[key] = props[key];
        return el;
      }
      function showOverlay(diagnostics) {
        clearOverlay();
        overlay = styled("div", {
          position: "fixed", top: "0", left: "0", right: "0", bottom: "0", zIndex: "2147483647",
          overflow: "auto", padding: "2rem", boxSizing: "border-box",
          background: "rgba(24, 24, 27, 0.94)", color: "#f4f4f5",
          font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
        });
        overlay.id = "explainer-build-error";
        overlay.setAttribute("role", "alert");
        var title = styled("h2", { margin: "0 0 1rem", color: "#f87171", font: "bold 18px/1.3 system-ui, sans-serif" });
        title.textContent = "Build failed \u2014 showing the last good build";
        overlay.appendChild(title);
        diagnostics.forEach(function (d) {
          var item = styled("pre", { margin: "0 0 1rem", whiteSpace: "pre-wrap", wordBreak: "break-word" });
          var where = styled("strong", { color: d.severity === "error" ? "#fca5a5" : "#fcd34d" });
          where.textContent = d.location + ": " + d.severity + ": ";
          item.appendChild(where);
          item.appendChild(document.createTextNode(d.message + (d.hint ? "\n    hint: " + d.hint : "")));
          overlay.appendChild(item);
        });
        var note = styled("p", { margin: "1.5rem 0 0", color: "#a1a1aa", fontFamily: "system-ui, sans-serif" });
        note.textContent = "Fix the file and save: this page updates by itself.";
        overlay.appendChild(note);
        document.body.appendChild(overlay);
      }
      function swapStylesheets() {
        var links = document.querySelectorAll('link[rel~="stylesheet"]');
        Array.prototype.forEach.call(links, function (link) {
          var url = new URL(link.href, location.href);
          if (url.origin !== location.origin) return;
          url.searchParams.set("explainer-reload", String(Date.now()));
          link.href = url.pathname + url.search;
        });
      }
      var events = new EventSource("/_explainer/events");
      events.addEventListener("reload", function () { location.reload(); });
      events.addEventListener("css", function () { clearOverlay(); swapStylesheets(); });
      events.addEventListener("error", function (event) {
        if (!event.data) return; // a dropped connection, not a build error: EventSource retries
        try { showOverlay(JSON.parse(event.data).diagnostics || []); } catch (e) {}
      });
    })();
    """#
}
