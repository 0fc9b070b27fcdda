/// The script pages load from `/_explainer/live.js`: listens to `/_explainer/events`,
/// reloads on `reload`, swaps stylesheets on `css`, shows the build errors over the page
/// on `error`, and a good build's warnings in a panel along its bottom on `warnings`.
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
          var overlayKind = null;
          function clearOverlay() {
            if (overlay && overlay.parentNode) overlay.parentNode.removeChild(overlay);
            overlay = null;
            overlayKind = null;
          }
          function styled(tag, props) {
            var el = document.createElement(tag);
            for (var key in props) el.style[key] = props[key];
            return el;
          }
          // kind "error": the build failed, a full-page overlay; kind "warnings": the build
          // succeeded with warnings, a panel along the bottom of the page that can be closed.
          function showOverlay(diagnostics, kind) {
            clearOverlay();
            var failed = kind === "error";
            overlay = styled("div", failed ? {
              position: "fixed", top: "0", left: "0", right: "0", bottom: "0", zIndex: "2147483647",
              overflow: "auto", padding: "2rem", boxSizing: "border-box",
              background: "rgba(24, 24, 27, 0.94)", color: "#f4f4f5",
              font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
            } : {
              position: "fixed", left: "0", right: "0", bottom: "0", maxHeight: "40vh", zIndex: "2147483647",
              overflow: "auto", padding: "1rem 2rem", boxSizing: "border-box",
              background: "rgba(41, 32, 4, 0.96)", color: "#fef3c7", borderTop: "3px solid #f59e0b",
              font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
            });
            overlay.id = failed ? "explainer-build-error" : "explainer-build-warnings";
            overlay.setAttribute("role", failed ? "alert" : "status");
            overlayKind = kind;
            var title = styled("h2", { margin: "0 0 1rem", color: failed ? "#f87171" : "#fcd34d", font: "bold 18px/1.3 system-ui, sans-serif" });
            title.textContent = failed ? "Build failed \u2014 showing the last good build"
              : "Built with " + diagnostics.length + " warning" + (diagnostics.length === 1 ? "" : "s");
            if (!failed) {
              var close = styled("button", { float: "right", font: "14px system-ui, sans-serif", cursor: "pointer" });
              close.type = "button";
              close.textContent = "Close";
              close.addEventListener("click", clearOverlay);
              overlay.appendChild(close);
            }
            overlay.appendChild(title);
            diagnostics.forEach(function (d) {
              var item = styled("pre", { margin: "0 0 1rem", whiteSpace: "pre-wrap", wordBreak: "break-word" });
              var where = styled("strong", { color: d.severity === "error" ? "#fca5a5" : "#fcd34d" });
              where.textContent = d.location + ": " + d.severity + ": ";
              item.appendChild(where);
              item.appendChild(document.createTextNode(d.message + (d.hint ? "\n    hint: " + d.hint : "")));
              overlay.appendChild(item);
            });
            var note = styled("p", { margin: "1rem 0 0", color: failed ? "#a1a1aa" : "#fde68a", fontFamily: "system-ui, sans-serif" });
            note.textContent = failed ? "Fix the file and save: this page updates by itself."
              : "The page shows the new build. Fix these and save to clear them; publish refuses a site with warnings.";
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
          events.addEventListener("css", function () { if (overlayKind === "error") clearOverlay(); swapStylesheets(); });
          events.addEventListener("error", function (event) {
            if (!event.data) return; // a dropped connection, not a build error: EventSource retries
            try { showOverlay(JSON.parse(event.data).diagnostics || [], "error"); } catch (e) {}
          });
          events.addEventListener("warnings", function (event) {
            try {
              var diagnostics = JSON.parse(event.data).diagnostics || [];
              if (diagnostics.length) showOverlay(diagnostics, "warnings"); else clearOverlay();
            } catch (e) {}
          });
        })();
        """#
}
