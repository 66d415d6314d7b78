import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-lg font-semibold text-slate-900">未找到该页面</h1>
      <p className="mt-2 text-sm leading-6 text-slate-600">所查找的机关或报告不存在，或已被替换。</p>
      <Link href="/agencies" className="mt-4 inline-block text-sm text-accent hover:underline">
        查看机关列表
      </Link>
    </div>
  );
}
