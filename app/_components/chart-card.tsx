"use client";

import { useId, useState } from "react";
import type { ChartData, ChartSpec } from "@/lib/charts";
import { Card, EmptyState } from "./card";
import { CsvLink, actionButtonClass } from "./csv-link";
import { DataTable } from "./data-table";
import { EChart } from "./echart";

export interface ChartCardProps {
  /** Test-id stem: chart-<id>, table-<id>, toggle-<id>, csv-<id>. */
  id: string;
  title: string;
  description?: string;
  data: ChartData;
  spec: ChartSpec;
  /** Download name carrying the filters, from csvFileName. */
  csvName: string;
  links?: Record<string, string>;
  height?: number;
  emptyMessage?: string;
  footnote?: React.ReactNode;
}

/** Every chart sits here: its numbers one click away as a table, and as exactly that CSV. */
export function ChartCard(props: ChartCardProps) {
  const { id, title, description, data, spec, csvName, links, height, emptyMessage, footnote } = props;
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const empty = data.rows.length === 0;
  const actions = empty ? null : (
    <>
      <button
        type="button"
        data-testid={`toggle-${id}`}
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={() => setShowTable((v) => !v)}
        className={actionButtonClass}
      >
        {showTable ? "收起数据" : "查看数据"}
      </button>
      <CsvLink id={id} data={data} fileName={csvName} />
    </>
  );
  return (
    <Card title={title} description={description} actions={actions}>
      {empty ? (
        <div data-testid={`chart-${id}`} data-chart-ready="true" data-empty="true">
          <EmptyState message={emptyMessage} />
        </div>
      ) : (
        <EChart id={id} title={title} data={data} spec={spec} links={links} height={height} />
      )}
      {!empty ? (
        <div id={tableId} hidden={!showTable} className="mt-4">
          <DataTable testId={`table-${id}`} data={data} caption={title} />
        </div>
      ) : null}
      {footnote ? <p className="mt-3 text-xs leading-5 text-slate-500">{footnote}</p> : null}
    </Card>
  );
}
