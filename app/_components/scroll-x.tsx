"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A sideways-scrolling box for wide tables that says so: when its content is wider than the
 * screen, a line above it names the hidden columns and a shade marks each edge that has more
 * beyond it. On a wide screen, where everything fits, neither shows.
 */
export function ScrollX({ columns, children }: { columns: number; children: React.ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ left: false, right: false });

  useEffect(() => {
    const element = box.current!;
    const measure = () => {
      const hidden = element.scrollWidth - element.clientWidth;
      setEdges({ left: element.scrollLeft > 1, right: element.scrollLeft < hidden - 1 });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    element.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener("scroll", measure);
    };
  }, []);

  const overflowing = edges.left || edges.right;
  return (
    <div>
      {overflowing ? (
        <p className="mb-1 text-xs text-slate-500" data-testid="scroll-hint">
          共 {columns} 列，左右滑动表格查看 <span aria-hidden="true">⇆</span>
        </p>
      ) : null}
      <div className="relative">
        <div ref={box} className="overflow-x-auto overscroll-x-contain">
          {children}
        </div>
        <div
          aria-hidden="true"
          className={`pointer-events-none absolute inset-y-0 right-0 w-6 bg-linear-to-l from-slate-400/30 to-transparent transition-opacity ${
            edges.right ? "opacity-100" : "opacity-0"
          }`}
        />
      </div>
    </div>
  );
}
