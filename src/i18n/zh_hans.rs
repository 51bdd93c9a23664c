//! Simplified Chinese UI strings (`zh-Hans`), as mainland newsrooms write them:
//! full-width punctuation, no spaces between Han characters and digits, dates as 2026年4月27日.
//! Chinese has no plural forms, so the counting closures only pick the clearer wording for 0.

use super::Strings;
use crate::core::date::Date;

pub static STRINGS: Strings = Strings {
    tag: "zh-Hans",
    loading: "正在加载对比…",
    error_heading: "无法显示此对比",
    retry: "重试",
    error_intro: "此组件的数据有问题，以下逐条列出问题及其位置：",
    change: ["新增", "删除", "修改", "未变"],
    absent: "此版本中没有此条款",
    view_label: "显示",
    view_split: "并排对比",
    compare_label: "比较版本",
    compare_from: "旧版本",
    compare_to: "新版本",
    terms_heading: "有何变化",
    sources_say: "来源怎么说",
    sources_heading: "来源",
    new_tab: "（在新标签页中打开）",
    translated: "译文",
    parties: "当事方",
    summary_changed: |changed, total| match (changed, total) {
        (_, 0) => "没有条款".to_owned(),
        (0, t) => format!("共{t}项条款，均无变化"),
        (c, t) => format!("共{t}项条款，其中{c}项有变化"),
    },
    quotes_for: "此条款的来源",
    format_date: |d: Date| format!("{}年{}月{}日", d.year, d.month, d.day),
    changes_only: "只看变化",
    topic_label: "主题",
    all_topics: "全部主题",
    prev_change: "上一处变化",
    next_change: "下一处变化",
    position: |n, total| match (n, total) {
        (_, 0) => "没有变化".to_owned(),
        (0, t) => format!("共{t}处变化"),
        (n, t) => format!("第{n}处变化，共{t}处"),
    },
    nothing_matches: "没有符合筛选条件的条款。",
    filtered: |shown, total| format!("显示{total}项条款中的{shown}项"),
    copy_link: "复制链接：",
    link_copied: "链接已复制",
    removed_words: "删除：",
    added_words: "新增：",
    keys_hint: "快捷键：N 下一处变化，P 上一处变化",
    navigation: "浏览变化",
    internal_error: "发生内部错误，无法显示此对比。",
    list_comma: "，",
};
