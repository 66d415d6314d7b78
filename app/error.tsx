"use client";

import Link from "next/link";

/** A page that failed as a whole (its cards have their own boundaries). Details stay on the server. */
export default function PageError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-lg border border-red-200 bg-white p-6 shadow-sm">
      <h1 className="text-lg font-semibold text-red-900">页面暂时无法显示</h1>
      <p className="mt-2 text-sm leading-6 text-slate-600">读取数据时出现问题。可以重试，或返回总览。</p>
      <div className="mt-4 flex gap-3">
        <button type="button" onClick={() => retry()} className="rounded bg-accent px-3 py-1.5 text-sm text-white hover:opacity-90">
          重试
        </button>
        <Link href="/" className="rounded border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:border-accent">
          返回总览
        </Link>
      </div>
    </div>
  );
}
