"use client";

import { catchError, type ErrorInfo } from "next/error";

/**
 * An error boundary for one card: a failed query breaks that card only, and the reader can
 * retry it. The message is generic on purpose; server errors never reach the browser.
 */
function CardErrorFallback(props: { title: string }, { retry }: ErrorInfo) {
  return (
    <section role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4">
      <h2 className="text-base font-semibold text-red-900">{props.title}</h2>
      <p className="mt-2 text-sm text-red-800">这部分数据暂时无法加载。</p>
      <button
        type="button"
        onClick={() => retry()}
        className="mt-3 rounded border border-red-300 bg-white px-3 py-1 text-sm text-red-900 hover:bg-red-100"
      >
        重试
      </button>
    </section>
  );
}

export const CardErrorBoundary = catchError(CardErrorFallback);
