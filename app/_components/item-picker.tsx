"use client";

import { useEffect, useState, useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { findComparables, type PickableItem } from "../_lib/actions";

const SEARCH_DELAY_MS = 300;

/**
 * The places and agencies being compared, kept in the `items` URL parameter (p:<code>, a:<id>).
 * Adding searches by name through a read-only server action; removing drops the chip.
 */
export function ItemPicker({ chosen, max, min = 1 }: { chosen: { key: string; label: string }[]; max: number; min?: number }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState("");
  const [results, setResults] = useState<PickableItem[]>([]);

  useEffect(() => {
    const query = text.trim();
    if (!query) {
      setResults([]);
      return;
    }
    let live = true;
    const timer = setTimeout(async () => {
      const found = await findComparables({ text: query });
      if (live) setResults(found);
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  const write = (keys: string[]) => {
    const next = new URLSearchParams(params.toString());
    if (keys.length) next.set("items", keys.join(","));
    else next.delete("items");
    startTransition(() => router.replace(`${pathname}?${next.toString()}`, { scroll: false }));
  };
  const keys = chosen.map((c) => c.key);
  const full = chosen.length >= max;

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs text-slate-600">已选（最多 {max} 个）：</span>
        {chosen.map((c) => (
          <span key={c.key} className="inline-flex items-center gap-1 rounded-full border border-accent/30 bg-accent-soft px-3 py-1 text-sm text-accent">
            {c.label}
            {chosen.length > min ? (
              <button
                type="button"
                aria-label={`移除${c.label}`}
                onClick={() => write(keys.filter((k) => k !== c.key))}
                className="ml-1 rounded-full px-1 text-accent/70 hover:bg-white hover:text-seal"
              >
                ×
              </button>
            ) : null}
          </span>
        ))}
        {pending ? <span className="text-xs text-accent">更新中…</span> : null}
      </div>
      <div className="relative mt-3 max-w-md">
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          <span>添加地区或机关</span>
          <input
            type="search"
            name="item-search"
            value={text}
            disabled={full}
            maxLength={30}
            placeholder={full ? "已达上限，请先移除" : "输入名称，如：淮安、医疗保障局"}
            onChange={(e) => setText(e.target.value)}
            className="rounded border border-slate-300 px-2 py-1.5 text-sm focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/20 disabled:bg-slate-100"
          />
        </label>
        {results.length > 0 && !full ? (
          <ul className="absolute z-10 mt-1 max-h-72 w-full overflow-auto rounded border border-slate-200 bg-white shadow-lg" role="listbox">
            {results.map((r) => (
              <li key={r.key}>
                <button
                  type="button"
                  disabled={keys.includes(r.key)}
                  onClick={() => {
                    write([...keys, r.key]);
                    setText("");
                  }}
                  className="flex w-full flex-col items-start px-3 py-2 text-left hover:bg-accent-soft disabled:opacity-50"
                >
                  <span className="text-sm text-slate-800">{r.label}</span>
                  <span className="text-xs text-slate-500">{r.detail}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
