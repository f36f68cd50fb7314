// Physlab chart glue: draws a SeriesChart spec (see org.physlab.web.charts.SeriesChart) with uPlot.
// spec = {xLabel, yLabel, logX, logY, identity, height, series: [{label, color, x: [], y: [], points}]}
window.physlabCharts = (function () {
  const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];

  // Tick labels that stay readable from 1e-8 to 1e8 (uPlot's default prints 0.0001 as "0").
  function tick(v) {
    if (v == null) return '';
    const a = Math.abs(v);
    if (a === 0) return '0';
    if (a < 1e-3 || a >= 1e6) return v.toExponential(0).replace('e+', 'e');
    return String(Number(v.toPrecision(4)));
  }
  function ticks(u, splits) { return splits.map(tick); }

  function positive(v, log) { return v == null || !isFinite(v) || (log && v <= 0) ? null : v; }

  // uPlot wants one sorted x array shared by every series: merge the series' x values, leave gaps as null.
  function align(spec) {
    const xs = new Set();
    spec.series.forEach(s => s.x.forEach(x => { if (positive(x, spec.logX) != null) xs.add(x); }));
    if (spec.identity) spec.series.forEach(s => s.y.forEach(y => { if (positive(y, spec.logX) != null) xs.add(y); }));
    const x = Array.from(xs).sort((a, b) => a - b);
    const index = new Map(x.map((v, i) => [v, i]));
    const data = [x];
    spec.series.forEach(s => {
      const y = new Array(x.length).fill(null);
      for (let i = 0; i < s.x.length; i++) {
        const at = index.get(s.x[i]);
        if (at !== undefined) y[at] = positive(s.y[i], spec.logY);
      }
      data.push(y);
    });
    if (spec.identity) data.push(x.map(v => positive(v, spec.logY)));
    return data;
  }

  function options(el, spec) {
    const series = [{ label: spec.xLabel || 'x' }];
    spec.series.forEach((s, i) => {
      const color = s.color || PALETTE[i % PALETTE.length];
      series.push({
        label: s.label, stroke: color, width: 1.5, spanGaps: !s.points,
        points: { show: !!s.points, size: 4, stroke: color, fill: color },
        paths: s.points ? () => null : undefined
      });
    });
    if (spec.identity) series.push({ label: 'y = x', stroke: '#555', width: 1, dash: [6, 4], spanGaps: true, points: { show: false } });
    return {
      width: Math.max(el.clientWidth, 300), height: spec.height || 260,
      scales: { x: { time: false, distr: spec.logX ? 3 : 1 }, y: { distr: spec.logY ? 3 : 1 } },
      axes: [{ label: spec.xLabel || '', values: ticks }, { label: spec.yLabel || '', size: 60, values: ticks }],
      series: series, legend: { live: true }, cursor: { drag: { x: true, y: true } }
    };
  }

  function render(el, spec) {
    if (typeof uPlot === 'undefined') { el.textContent = 'charting library did not load'; return; }
    const key = JSON.stringify([spec.logX, spec.logY, spec.identity, spec.height, spec.xLabel, spec.yLabel,
      spec.series.map(s => [s.label, s.color, !!s.points])]);
    const data = align(spec);
    if (el.__plot && el.__plotKey === key) { el.__plot.setData(data); return; }
    if (el.__plot) el.__plot.destroy();
    el.__plotKey = key;
    el.__plot = new uPlot(options(el, spec), data, el);
    if (!el.__resize) {
      el.__resize = new ResizeObserver(() => { if (el.__plot && el.clientWidth > 0) el.__plot.setSize({ width: el.clientWidth, height: el.__plot.height }); });
      el.__resize.observe(el);
    }
  }

  return { render: render, palette: PALETTE };
})();
