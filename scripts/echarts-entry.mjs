// The ECharts build the app loads, holding only what its charts use (line and bar series with
// error bands and whiskers, and the accessibility description). scripts/setup.sh bundles it
// with esbuild into target/echarts/echarts.js; Trunk copies that into dist/.
import * as echarts from 'echarts/core';
import { LineChart, BarChart, CustomChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, AriaComponent, TitleComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, CustomChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, TitleComponent, MarkLineComponent, CanvasRenderer, SVGRenderer]);
// charming's wasm renderer calls the global `echarts`.
window.echarts = echarts;
