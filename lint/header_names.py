"""The header names that give a table's columns their roles, in the languages lists write.

A header cell is compared by its key (``columns.header_key``: NFKC, case folded, markup and
symbols as spaces); the order of ``TITLE_NAMES`` and ``DATE_NAMES`` is the preference among
several columns that match.
"""

from __future__ import annotations

# a title in French, German, Spanish and Portuguese, Japanese, Korean, Russian and Vietnamese
_TITLES_ABROAD = (
    "titre",
    "titel",
    "título",
    "論文タイトル",
    "タイトル",
    "논문 제목",
    "제목",
    "заголовок",
    "tiêu đề",
)
# the order is the preference when several columns match
TITLE_NAMES = (
    "论文题目",
    "论文标题",
    "论文名称",
    "论文名",
    "文章名称",
    "文章名",
    "题目",
    "标题",
    "论文",
    "名称",
    "名字",
    "paper title",
    "title",
    *_TITLES_ABROAD,
    "название",  # a name or a title
    "tên bài báo",
    # other languages' papers after their titles
    "paper",
    "論文",
    "논문",
    "статья",
    "artículo",
    "artigo",
    "bài báo",
    "paper name",
    "name",
    "model",
    "模型",
    "publication",
    "article",
    "work",
    "文章",
    "工作",
    "内容",
)
DATE_NAMES = (
    "发表时间",
    "发布时间",
    "发表日期",
    "发布日期",
    "时间",
    "日期",
    "年份",
    "年月",
    "发表年份",
    "发布年份",
    "发表年月",
    "出版时间",
    "出版日期",
    "提交时间",
    "提交日期",
    "月份",
    "날짜",
    "연도",
    "발행 연월",
    "日付",
    "公開日",
    "発表日",
    "date",
    "release date",
    "published",
    "publish date",
    "publication date",
    "year",
    "month",
    "time",
    # other languages' (French, German, Spanish and Portuguese, Japanese, Russian, Vietnamese)
    "année",
    "jahr",
    "datum",
    "año",
    "fecha",
    "ano",
    "年",
    "発表年",
    "公開年",
    "год",
    "дата",
    "năm",
    "ngày",
)

# a header naming the title itself: it beats a column of links labelled by other names
# (``Abbreviation | Title | Paper`` with ``[SatMAE](…)`` or ``[Paper](…)`` in the Paper column)
EXPLICIT_TITLES = (
    "论文题目",
    "论文标题",
    "论文名称",
    "题目",
    "标题",
    "paper title",
    "title",
    *_TITLES_ABROAD,
)
# a column naming the entity a row lists (a dataset, a model, a tool, a metric): two rows with
# different names are two entities, and tables naming different kinds of them are not compared
NAME_HEADERS = frozenset(
    (
        "name",
        "names",
        "abbreviation",
        "abbr",
        "acronym",
        "short name",
        "model",
        "models",
        "model name",
        "language model",
        "dataset",
        "datasets",
        "dataset name",
        "benchmark",
        "benchmarks",
        "benchmark name",
        "metric",
        "metrics",
        "method",
        "methods",
        "tool",
        "tools",
        "api",
        "project",
        "project name",
        "product",
        "名称",
        "名字",
        "模型",
        "大模型",
        "模型名称",
        "数据集",
        "数据集名称",
        "缩写",
        "简称",
        "方法",
        "工具",
        "项目",
    )
)
# a column naming the category each row is listed under, several to a paper: a list may list
# one paper in its table once under each (``Tag``: ``Prompting`` rows, then ``Refine`` rows)
CATEGORY_HEADERS = frozenset(
    (
        "category", "categories", "tag", "tags", "type", "types", "approach", "approaches",
        "topic", "topics", "class", "group", "分类", "类别", "类型", "标签", "方向",
    )
)  # fmt: skip
# a first column naming the code repository each row lists (``| Github Repo | … | Paper |``);
# anywhere else a ``Repo`` column is a paper's code
REPOSITORY_HEADERS = frozenset(
    ("repo", "repos", "repository", "github repo", "github repository", "github", "仓库")
)
# a column naming where a paper appeared (``Arxiv 2024``, ``SIGIR 2024``, ``NeurIPS '24``)
VENUE_HEADERS = frozenset(
    (
        "venue", "venues", "publication", "pub", "published in", "conference", "journal",
        "conference journal", "conf", "accepted at", "accepted by", "accepted in", "proceeding",
        "proceedings", "source",
        "会议", "期刊", "会议 期刊", "发表会议", "发表期刊", "出处", "来源",
    )
)  # fmt: skip
# words of a header whose links are not the paper (its code, demo, site, video, weights)
NOT_PAPER_WORDS = frozenset(
    (
        "code codes github repo repository repositories demo demos project projects website "
        "site homepage home page video videos model models weights checkpoint checkpoints "
        "download downloads data dataset datasets star stars slides tweet blog supp supplement "
        "supplements supplementary supplementaries license licence licenses licences "
        "代码 项目 主页 官网 下载 视频 模型 权重 数据"
    ).split()
)
# words of a header that say its links are (also) the paper: ``Paper/Blog``
PAPER_WORDS = frozenset("paper papers pdf arxiv doi publication 论文 文献".split())
