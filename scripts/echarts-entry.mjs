// The ECharts build the app loads, holding only what its charts use (line and bar series with
// error bands and whiskers, the dashed line that marks a series break, and the accessibility
// description). scripts/setup.sh bundles it
// with esbuild into target/echarts/echarts.js; Trunk copies that into dist/.
import * as echarts from 'echarts/core';
import { LineChart, BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, AriaComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

// Bands and whiskers are stacked lines and bars; nothing else is drawn.
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, MarkLineComponent, CanvasRenderer, SVGRenderer]);
// charming's wasm renderer calls the global `echarts`.
window.echarts = echarts;
