"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import * as echarts from "echarts/core";
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { buildChartOption, type ChartData, type ChartSpec } from "@/lib/charts";

// Only what the dashboard draws, to keep the bundle small.
echarts.use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** Below this width (px) charts use their compact layout. */
const COMPACT_WIDTH = 560;

/** If ECharts never reports "finished" (e.g. a hidden container), still mark the chart ready. */
const READY_FALLBACK_MS = 2000;

export interface EChartProps {
  id: string;
  title: string;
  data: ChartData;
  spec: ChartSpec;
  /** Category label → page to open when the reader clicks that bar or slice. */
  links?: Record<string, string>;
  height?: number;
}

export function EChart({ id, title, data, spec, links, height = 320 }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const linksRef = useRef(links);
  const [ready, setReady] = useState(false);
  const [compact, setCompact] = useState(false);
  const router = useRouter();
  const option = useMemo(() => buildChartOption(data, spec, { compact }), [data, spec, compact]);

  useEffect(() => {
    linksRef.current = links;
  }, [links]);

  useEffect(() => {
    const element = container.current!;
    const instance = echarts.init(element, null, { renderer: "canvas" });
    chart.current = instance;
    instance.on("finished", () => setReady(true));
    instance.on("click", (params) => {
      const href = params.name ? linksRef.current?.[params.name] : undefined;
      if (href) router.push(href, { scroll: false });
    });
    const observer = new ResizeObserver(() => {
      setCompact(element.clientWidth < COMPACT_WIDTH);
      instance.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [router]);

  useEffect(() => {
    setReady(false);
    chart.current?.setOption(option, { notMerge: true });
    const timer = setTimeout(() => setReady(true), READY_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [option]);

  return (
    <div
      ref={container}
      data-testid={`chart-${id}`}
      data-chart-ready={ready ? "true" : "false"}
      role="img"
      aria-label={title}
      className={links ? "w-full cursor-pointer" : "w-full"}
      style={{ height }}
    />
  );
}
