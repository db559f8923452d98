/// The page around the report: one self-contained HTML document (inline CSS,
/// no script, no font, image or stylesheet to fetch), so that the nightly
/// file can be mailed, archived or opened offline and still look the same.
///
/// The layout is a grid that wraps: two charts side by side on a laptop, one
/// under the other on a phone, where the dense charts scroll sideways rather
/// than shrink their labels below legibility. Colours are CSS variables with
/// a dark variant (`prefers-color-scheme`), and the SVG draws with classes so
/// that the charts follow the theme.
enum HTMLPage {
    static func document(title: String, body: [String]) -> String {
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<meta name=\"color-scheme\" content=\"light dark\">\n"
            + "<title>\(HTMLText.escaped(title))</title>\n<style>\n\(stylesheet)</style>\n</head>\n<body>\n<main>\n"
            + body.joined(separator: "\n") + "\n</main>\n</body>\n</html>\n"
    }

    /// A titled block of the page; `wide` spans the whole grid row, `dense`
    /// marks a chart too detailed to shrink on a phone.
    static func panel(_ heading: String, note: String? = nil, wide: Bool = false, dense: Bool = false, content: String) -> String {
        "<section class=\"panel\(wide ? " wide" : "")\">\n<h2>\(HTMLText.escaped(heading))</h2>\n"
            + (note.map { "<p class=\"note\">\(HTMLText.escaped($0))</p>\n" } ?? "")
            + (dense ? "<div class=\"chart-scroll dense\">\(content)</div>" : content) + "\n</section>"
    }

    /// Facts read off a chart, as page text rather than SVG text, so that
    /// they stay legible however small the chart is drawn.
    static func notes(_ notes: [String]) -> String {
        "\n<ul class=\"chart-notes\">" + notes.map { "<li>" + HTMLText.escaped($0) + "</li>" }.joined() + "</ul>"
    }

    static let stylesheet = """
        :root {
          --bg: #f4f6f8; --panel: #ffffff; --text: #1c2329; --muted: #5b6670; --line: #d5dbe1; --grid: #e6eaee;
          --answered: #2f6db3; --abandoned: #e07b24; --timeout: #a3adb8; --beyond: #8fb3dc; --overflow: #5b6670;
          --threshold: #c2362f; --trend: #2f6db3; --marker: #e07b24;
          --level-1: #a9cbee; --level-2: #4f8fd1; --level-3: #1d4b85; --on-dark: #ffffff; --on-light: #10263f;
          --effort-low: #2f6db3; --effort-high: #e07b24; --effort-never: #c2362f; --effort-none: #a3adb8;
          --good: #1f7a3a; --good-bg: #e3f4e8; --bad: #b42b25; --bad-bg: #fbe7e6; --neutral: #5b6670; --neutral-bg: #eceff2;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #0f1318; --panel: #181e25; --text: #e4e9ee; --muted: #9aa6b2; --line: #323c47; --grid: #252d36;
            --answered: #5b9be3; --abandoned: #f0953f; --timeout: #6b7682; --beyond: #345f8f; --overflow: #9aa6b2;
            --threshold: #ff6b61; --trend: #6aa8ec; --marker: #f0953f;
            --level-1: #2d4f75; --level-2: #4f8fd1; --level-3: #a9cbee; --on-dark: #ffffff; --on-light: #0b1a2b;
            --effort-low: #5b9be3; --effort-high: #f0953f; --effort-never: #ff6b61; --effort-none: #6b7682;
            --good: #5fd07f; --good-bg: #16301f; --bad: #ff7b72; --bad-bg: #3a1a19; --neutral: #9aa6b2; --neutral-bg: #222a33;
          }
        }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--text);
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1360px; margin: 0 auto; padding: 20px 16px 40px; }
        h1 { font-size: 1.6rem; margin: 0 0 4px; }
        h2 { font-size: 1.1rem; margin: 0 0 6px; }
        h3 { font-size: 1rem; margin: 0; overflow-wrap: anywhere; }
        .subtitle { margin: 0 0 12px; color: var(--muted); font-size: 1.05rem; }
        .facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 300px), 1fr)); gap: 4px 24px; margin: 0;
          font-size: 0.9rem; }
        .facts div { display: flex; gap: 8px; }
        .facts dt { color: var(--muted); min-width: 7.5em; }
        .facts dd { margin: 0; }
        .page-header, .panel { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 16px; }
        .page-header { margin-bottom: 16px; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 250px), 1fr)); gap: 12px; margin-bottom: 16px; }
        .card { background: var(--panel); border: 1px solid var(--line); border-top: 6px solid var(--neutral); border-radius: 10px;
          padding: 12px 14px; font-variant-numeric: tabular-nums; }
        .card header { display: flex; flex-direction: column; gap: 2px; margin-bottom: 8px; }
        .verdict { margin: 0; font-size: 0.85rem; font-weight: 600; padding: 2px 8px; border-radius: 6px; align-self: flex-start;
          background: var(--neutral-bg); color: var(--neutral); }
        .sla-met { border-top-color: var(--good); } .sla-met .verdict { background: var(--good-bg); color: var(--good); }
        .sla-missed { border-top-color: var(--bad); } .sla-missed .verdict { background: var(--bad-bg); color: var(--bad); }
        .services { margin: -4px 0 6px; font-size: 0.8rem; color: var(--muted); }
        .card dl { margin: 0; }
        .card dl div { display: flex; justify-content: space-between; gap: 8px; padding: 2px 0; border-bottom: 1px solid var(--grid); }
        .card dt { color: var(--muted); font-size: 0.88rem; }
        .card dd { margin: 0; font-weight: 600; white-space: nowrap; }
        .misses { margin: 8px 0 0; padding-left: 18px; font-size: 0.82rem; color: var(--bad); }
        .misses .more { color: var(--muted); list-style: none; margin-left: -18px; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 560px), 1fr)); gap: 16px; }
        .wide { grid-column: 1 / -1; }
        .note { margin: 0 0 8px; color: var(--muted); font-size: 0.9rem; }
        .chart-scroll { overflow-x: auto; }
        .chart-notes { margin: 8px 0 0; padding-left: 18px; font-size: 0.9rem; }
        .chart-scroll.dense svg { min-width: 540px; }
        svg.chart { display: block; width: 100%; height: auto; font-family: inherit; }
        svg text { fill: var(--text); font-size: 13px; }
        svg .tick, svg .axis-title { fill: var(--muted); font-size: 12px; }
        svg .legend, svg .note, svg .row-label { font-size: 13px; }
        svg .note { fill: var(--muted); }
        svg .value { font-size: 12px; font-weight: 600; }
        svg .panel-title { font-size: 15px; font-weight: 600; }
        svg .panel-value { font-size: 15px; font-weight: 600; fill: var(--trend); }
        svg .grid { stroke: var(--grid); stroke-width: 1; }
        svg .baseline { stroke: var(--muted); stroke-width: 1; }
        svg .answered, svg .within { fill: var(--answered); }
        svg .abandoned { fill: var(--abandoned); }
        svg .timeout { fill: var(--timeout); }
        svg .beyond { fill: var(--beyond); }
        svg .overflow { fill: var(--overflow); }
        svg .threshold { stroke: var(--threshold); stroke-width: 2; stroke-dasharray: 6 4; }
        svg .threshold-label { fill: var(--threshold); font-size: 13px; font-weight: 600;
          paint-order: stroke; stroke: var(--panel); stroke-width: 4px; stroke-linejoin: round; }
        svg .level-1 { fill: var(--level-1); } svg .level-2 { fill: var(--level-2); } svg .level-3 { fill: var(--level-3); }
        svg .on-bar { font-size: 12px; font-weight: 600; }
        svg .on-level-1 { fill: var(--on-light); } svg .on-level-2, svg .on-level-3 { fill: var(--on-dark); }
        svg .effort-low { fill: var(--effort-low); } svg .effort-high { fill: var(--effort-high); }
        svg .effort-never { fill: var(--effort-never); } svg .effort-none { fill: var(--effort-none); }
        svg .trend { fill: none; stroke: var(--trend); stroke-width: 2; stroke-linejoin: round; }
        svg .point { fill: var(--trend); } svg .point.current { fill: var(--marker); }
        svg .marker { stroke: var(--marker); stroke-width: 1; stroke-dasharray: 3 3; }
        svg .empty-frame { fill: none; stroke: var(--grid); stroke-dasharray: 4 4; }
        svg .empty { fill: var(--muted); font-size: 15px; }
        svg rect:hover, svg g.hour:hover rect, svg circle:hover { opacity: 0.8; }
        .small-multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr)); gap: 12px; }
        .table-scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 0.88rem; font-variant-numeric: tabular-nums; }
        th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--grid); vertical-align: top; }
        th { color: var(--muted); font-weight: 600; border-bottom-color: var(--line); white-space: nowrap; }
        .num { text-align: right; white-space: nowrap; }
        .status { font-weight: 600; padding: 1px 8px; border-radius: 999px; white-space: nowrap;
          background: var(--neutral-bg); color: var(--neutral); }
        .status-met { background: var(--good-bg); color: var(--good); }
        .status-missed { background: var(--bad-bg); color: var(--bad); }
        @media (max-width: 600px) {
          body { font-size: 14px; }
          main { padding: 10px 8px 24px; }
          .page-header, .panel { padding: 12px 10px; }
        }

        """
}
