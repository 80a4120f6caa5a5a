// Visits and page views per day on the statistics page; the figures come from the canvas's data attributes.
document.addEventListener('DOMContentLoaded', function () {
  var canvas = document.getElementById('visits-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  var numbers = function (text) {
    return text ? text.split(',').map(Number) : [];
  };
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: canvas.dataset.labels ? canvas.dataset.labels.split('|') : [],
      datasets: [
        { label: canvas.dataset.visitsLabel, data: numbers(canvas.dataset.visits), borderColor: '#b3261e',
          backgroundColor: 'rgba(179,38,30,0.12)', fill: true, tension: 0.25 },
        { label: canvas.dataset.pageViewsLabel, data: numbers(canvas.dataset.pageViews), borderColor: '#1f5f99',
          backgroundColor: 'rgba(31,95,153,0.08)', fill: false, tension: 0.25 }
      ]
    },
    options: {
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      locale: 'vi-VN'
    }
  });
});
