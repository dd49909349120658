"""Titles compared as a reader compares them: forms, short names, placeholders, conflicts."""

from __future__ import annotations

import pytest

from lint import titles
from lint.placeholders import is_placeholder

A = "https://arxiv.org/abs/2407.02490"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a trailing short name: a survey names one paper by its method, then by its benchmark
        (
            f"[Recurrent world models facilitate policy evolution  **(RWM)**]({A})",
            f"[Recurrent world models facilitate policy evolution]({A})",
        ),
        (
            "**Jailbreak and Guard Aligned Language Models with Few Demonstrations (ICA)**",
            "**Jailbreak and Guard Aligned Language Models with Few Demonstrations (ICD)**",
        ),
        # tags, emoji, affiliations
        (
            "🔥🔥[**TP: Megatron-LM**] Megatron-LM: Training Multi-Billion Parameter Models(@NV)",
            "🔥[**Megatron-LM**] Training Multi-Billion Parameter Models(@NVIDIA)",
        ),
        # the lead of a cell a description follows; a short name beside a title
        (
            "2) **Gemini 1.5 Flash** - a lightweight transformer decoder model",
            "2) **Gemini 1.5** - a compute-efficient multimodal mixture-of-experts model",
        ),
        (
            "7) **Factuality Detection in LLMs** - proposes a tool called **FacTool**",
            "10) **FacTool** - a task and domain agnostic framework",
        ),
        (f"9年后重读深度学习奠基作之一：[AlexNet]({A})", f"[AlexNet]({A})"),
        (f"[GPT]({A}), [GPT-2]({A}), [GPT-3]({A}) 精读", f"[GPT-3]({A})"),
        # one title extending the other, spaces and hyphens aside
        (
            "[Vista: A Generalizable Driving World Model with High Fidelity](u)",
            "[Vista: A generalizable driving world model with high fidelity and control](u)",
        ),
        (
            "**VGGT-SLAM 2.0: Real-time Dense Feed-forward Scene Reconstruction**",
            "**VGGT-SLAM 2.0: Real time Dense Feed-forward Scene Reconstruction**",
        ),
        (
            "VideoLLaMA2: Advancing Spatial-Temporal Modeling",
            "VideoLLaMA 2 advancing spatial-temporal modeling",
        ),
        # what follows a <br> (authors, a summary) is not the title
        (
            "**SynthesizRR: Generating Diverse Datasets**<br><sub>机构: Amazon<br>一种新方法",
            "**SynthesizRR: Generating Diverse Datasets**<br><sub>机构: Amazon<br>通过检索增强",
        ),
        (
            f"[Escaping the Forest: Sparse Networks for Tabular Data](u) [preprint]({A})",
            f"[Escaping the Forest: Sparse Networks for Tabular Data]({A})",
        ),
        # one name before the colon, the rest of one title held in the other's: shortened
        (
            "MTGS: Multi-Person Temporal Gaze Following",
            "[MTGS: A Novel Framework for Multi-Person Temporal Gaze Following](u)",
        ),
        # a name of joined words is a name: a benchmark or a repository beside its paper's title
        (
            "[meta-llama/PurpleLlama](https://github.com/meta-llama/PurpleLlama)",
            "Purple Llama CyberSecEval: A Secure Coding Benchmark for Language Models",
        ),
        (
            "[**Inst-IT-Bench**](https://arxiv.org/abs/2412.03565)",
            "[**Inst-IT: Boosting Multimodal Instance Understanding via Visual Prompts**](u)",
        ),
        # a part of the title as a link's text, a word of it in the plural
        (
            "[Text-Aware Visual Features](http://arxiv.org/abs/2503.03734)",
            "OTTER: A Vision-Language-Action Model with Text-Aware Visual Feature Extraction",
        ),
        # words written as their initials in one
        (
            "[VRAG-RL: Empower RAG via Iterative Reasoning with RL](https://arxiv.org/abs/1)",
            "[VRAG-RL: Empower RAG via Iterative Reasoning with Reinforcement Learning](u)",
        ),
        (
            "FGAHOI: Fine-Grained Anchors for HOI",
            "FGAHOI: Fine-Grained Anchors for Human-Object Interaction Detection",
        ),
        # a release of a family, named with its version, citing the family's report
        (
            "MiniCPM-V 2.6: A GPT-4V Level MLLM for Single Image, Multi-Image and Video",
            "MiniCPM-V: A GPT-4V Level MLLM on Your Phone",
        ),
        # a title shortened by a phrase cut from its middle (a list's key papers, repeated)
        (
            "Accelerating discovery in natural science laboratories with AI and robotics",
            "Accelerating discovery with AI and robotics",
        ),
        # placeholders conflict with nothing
        ("**Paper**", "Some long title of a paper"),
        ("null", "Clay Foundation Model"),
    ],
)
def test_one_paper_written_two_ways_is_no_conflict(first: str, second: str) -> None:
    assert not titles.conflict(first, second)
    assert not titles.conflict(second, first)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # one whole title with a word in the plural: a title mistyped (keep one)
        (
            "Self-Instruct: Aligning Language Model with Self Generated Instruction",
            "SELF-INSTRUCT: Aligning Language Models with Self-Generated Instructions",
        ),
        # links labelled alike (``[note]``) beside two titles tell nothing of the titles
        (
            "Capuchin: Tensor-based GPU Memory Management<br> [paper](u) [note](n1)",
            "FlexTensor: An Automatic Schedule Exploration Framework<br> [paper](u) [note](n2)",
        ),
        (
            "🔥[**Parallel Decoding**] Exploring and Improving Drafts in Blockwise Decoding",
            "🔥[Multi-Token Speculative Decoding] Multi-Token Joint Speculative Decoding",
        ),
        (
            "8) **Scaling LLM Test-Time Compute Optimally** - investigates the scaling",
            "10) **Survey of NL2QL** - a comprehensive overview of NL2SQL",
        ),
        # a renamed paper: the name is shared, the title is not
        (
            "[TabDiff: a Mixed-type Diffusion Model for Tabular Data Generation](u)",
            "[TabDiff: a Unified Diffusion Model for Multi-Modal Tabular Data Generation](u)",
        ),
        (
            f"![Star](https://img.shields.io/x.svg) <br> [**Fine-tuning Multimodal LLMs to Follow "
            f"Zero-shot Demonstrative Instructions**]({A}) <br>",
            f"[Empowering Vision-Language Models to Follow Interleaved Instructions]({A})",
        ),
        # one name before the colon, two titles after it: renamed, or two papers of one name
        (
            "TabDiff: a Unified Diffusion Model for Multi-Modal Tabular Data",
            "TabDiff: a Mixed-type Diffusion Model for Tabular Data Generation",
        ),
        (
            "[ScanQA: 3D Question Answering for Spatial Scene Understanding](u)",
            "[ScanRefer: 3D Object Localization in RGB-D Scans using Natural Language](u)",
        ),
        # one version of a name is one name: two titles under it are two papers
        (
            "MiniCPM-V 2.6: A GPT-4V Level MLLM for Single Image, Multi-Image and Video",
            "MiniCPM-V 2.6: Efficient Vision Encoders for Mobile Phones",
        ),
        # a CJK title has no spaces, and is still a title
        ("大规模语言模型的对齐方法综述与展望研究", "面向多模态推理的视觉语言模型评测基准研究"),
        # a word alone left out is a title revised, no shortening; nor is a cut at its end
        (
            "DeepSeek-R1 vs. o3-mini: How Well can Reasoning LLMs Evaluate MT",
            "DeepSeek vs. o3-mini: How Well can Reasoning LLMs Evaluate MT",
        ),
        # titles ending with their venues are titles (no venue and year alone)
        (
            "[Locating and Editing Factual Associations in GPT (NeurIPS'22)](https://arxiv.org/pdf/2202.05262)",
            "[Dissecting Recall of Factual Associations in Language Models (EMNLP'23)](https://arxiv.org/pdf/2202.05262)",
        ),
    ],
)
def test_two_papers_conflict(first: str, second: str) -> None:
    assert titles.conflict(first, second)
    assert titles.conflict(second, first)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", True),
        ("-", True),
        ("—", True),
        ("null", True),
        ("N/A", True),
        ("[Paper]", True),
        ("**Paper**", True),
        ("链接", True),
        ("[pdf](https://a.org/x.pdf)", True),
        # labels of links side by side name nothing either; a label word in a name does
        ("[Paper](https://arxiv.org/abs/1) · [GitHub](https://github.com/a/b) · [HF](h)", True),
        ("[Paper](https://arxiv.org/abs/1) · [Code](https://github.com/a/b) · [Site](h)", True),
        (
            "📄 [Paper](https://arxiv.org/abs/1) <br> 🐙 [Repo](https://github.com/a/b) <br> 🤗 "
            "[Dataset](https://huggingface.co/datasets/a/b)",
            True,
        ),
        ("Project Page", True),
        # links labelled in brackets: examples of a metric, the paper's own pages
        ("[\\[peak memory usage in GB\\]](https://arxiv.org/pdf/2302.02451.pdf)", True),
        ("[\\[PDF\\]](https://a.org/1.pdf) [\\[official code\\]](https://github.com/a/b)", True),
        ("[\\[CVPR 2023\\] Paper Title](https://a.org/1)", False),
        # a citation names a paper by its authors, not its title
        ("[Wang et al., 2022](https://dl.acm.org/doi/10.1145/1)", True),
        ("Zhang et al. (2023)", True),
        # a link labelled by its authors alone: the link names the paper; without a link the
        # authors name their system (a leaderboard's ``Luo et al.``)
        ("[Li et al.](https://arxiv.org/abs/2306.00890)", True),
        ("**[Johnson et al.](https://physionet.org/content/mimic-cxr/)**", True),
        ("Luo et al.", False),
        # links labelled by venues and years say where a paper appeared, not its title
        ("[JAG2025](https://a.org/1), [ISPRS P&RS 2024](https://b.org/2)", True),
        ("see [CVPR 2023](https://a.org/1) for the method", False),
        # an arXiv id labels the paper's link: no title
        ("[arxiv:2412.11376](https://arxiv.org/pdf/2412.11376)", True),
        ("[arXiv: 2412.11376v2](https://arxiv.org/abs/2412.11376v2)", True),
        ("2412.11376", True),
        ("[arxiv:202503.16858](https://arxiv.org/pdf/2503.16858)", True),
        ("GPT-4 Technical Report 2303.08774", False),
        ("Code Llama", False),
        ("Paper A", False),
        ("MoCo", False),
        ("文心一言", False),
    ],
)
def test_placeholders(text: str, expected: bool) -> None:
    assert is_placeholder(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FacTool", True),
        ("Dog Facts", True),
        ("GPT-2", True),
        ("大模型", True),
        ("文心一言", True),
        ("图神经网络介绍", True),
        # at the limits: two words of up to 20 characters, a CJK word every 4 characters
        ("Abcdefghij Klmnopqrst", True),
        ("Abcdefghij Klmnopqrstu", False),
        ("八个汉字组成名字", True),
        ("九个汉字组成的名字", False),
        ("Open Government, Mexico", False),
        ("Backpack Language Models", False),
        ("京东电商搜索：大模型生成式检索优化实践", False),
    ],
)
def test_short_names(text: str, expected: bool) -> None:
    assert titles.is_name(titles.words(text)) is expected


def test_shown_quotes_the_title_not_its_markup_or_what_follows_a_break() -> None:
    assert (
        titles.shown("**SynthesizRR: Generating**<br><sub>机构: Amazon")
        == "SynthesizRR: Generating"
    )
    assert titles.shown(f"[**Title X**]({A})") == "Title X"
    assert titles.shown("null") == "" and titles.shown("[Paper]") == ""
    assert len(titles.shown("word " * 40)) == titles.SHOWN


def test_shown_drops_quotes_around_a_whole_title_only() -> None:
    assert titles.shown('"OctoPack: Tuning" [[paper](https://a.org/x)]') == "OctoPack: Tuning"
    assert titles.shown('"Do Anything Now": Characterizing') == '"Do Anything Now": Characterizing'


def test_a_cell_opening_with_its_venue_is_read_by_its_linked_title() -> None:
    # a venue and its year before the linked title (``Arxiv2025 <br> [Title](…) <br> authors``):
    # the title is what the cell names, and what a message quotes
    cell = f"Arxiv2025 <br /> [DLLMQuant: Quantizing Diffusion LLMs]({A}) <br /> Chen Xu"
    assert titles.shown(cell) == "DLLMQuant: Quantizing Diffusion LLMs"
    assert not titles.names(cell)
    for venue in ("ICLR22", "EMNLP24 Findings", "NeurIPS24 Oral", "Arxiv 24", "Under review"):
        assert titles.shown(f"{venue}<br />[Title of a paper]({A})") == "Title of a paper"
    # a name before its paper's title is no venue; nor is a first part with a link
    assert titles.shown(f"**LLaVA**<br />[Visual Instruction Tuning]({A})") == "LLaVA"
    assert titles.shown(f"[ICLR22]({A})<br />[Title of a paper]({A})") == "ICLR22"
    # a venue whose only link after it is a label names nothing else
    assert titles.shown(f"ICLR22<br />[Paper]({A})") == "ICLR22"


def test_a_dataset_named_with_two_digits_is_no_venue_label() -> None:
    # ``[WN11](…)`` names a dataset; ``[JAG2025](…)`` a venue and its year
    assert not is_placeholder(f"[WN11]({A})")
    assert is_placeholder(f"[JAG2025]({A}), [ISPRS P&RS 2024]({A})")


@pytest.mark.parametrize(
    ("first", "second", "alike"),
    [
        # a system's name before a colon, and in parentheses at the end of its paper's title
        ("AlphaDev: faster sorting via deep RL", "Faster sorting algorithms (AlphaDev)", True),
        ("GPT-4: a report", "A technical report (GPT-4)", True),
        # a venue, a single capital or a plain word in parentheses names no system
        ("ICLR: a venue", "Attention is all you need (ICLR 2024)", False),
        ("Oral: a talk", "A study of things (Oral)", False),
        ("AlphaDev: faster sorting", "Faster sorting algorithms (AlphaZero)", False),
    ],
)
def test_a_name_in_parentheses_closing_a_title_names_it(
    first: str, second: str, alike: bool
) -> None:
    assert titles.named_alike(first, second) is alike
    assert titles.named_alike(second, first) is alike
