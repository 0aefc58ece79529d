// What Word shows of a paragraph that is not in its text: the automatic list number
// (numbering.xml: abstract numbering definitions, their instances and overrides) and the
// heading level its style gives (styles.xml: 标题 1, Heading 1, outline levels), both
// resolved through the style hierarchy.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace reportlint::docx {

// Element and attribute names compared without their prefix: w:p and any other prefix
// bound to the WordprocessingML namespace alike.
std::string_view local_name(const char* name) noexcept;
pugi::xml_node child(pugi::xml_node node, std::string_view local);
std::string_view attribute(pugi::xml_node node, std::string_view local);
std::optional<int> int_attribute(pugi::xml_node node, std::string_view local);

struct ParagraphProperties {
  std::string style;               // w:pStyle
  std::optional<int> num_id;       // w:numPr/w:numId (0 removes a style's numbering)
  std::optional<int> level;        // w:numPr/w:ilvl
  std::optional<int> outline;      // w:outlineLvl, 0-based; 9 is body text
};
ParagraphProperties read_paragraph_properties(pugi::xml_node p_pr);

class Numbering {
 public:
  // Either part may be empty (a document without lists, or without styles).
  void load(std::string_view numbering_xml, std::string_view styles_xml);

  // The number Word draws for the next paragraph with these properties ("一、", "（2）",
  // "" when the paragraph is not numbered), advancing the list's counters.
  std::string next_number(const ParagraphProperties& properties);

  // The heading level (1 for 标题 1 / Heading 1 / outline level 0) the paragraph's own
  // outline level or its style gives, 0 for body text.
  int heading_level(const ParagraphProperties& properties) const;

 private:
  struct Level {
    int start = 0;
    std::string format = "decimal";
    std::string text;
    std::optional<int> restart;  // w:lvlRestart
    bool legal = false;          // w:isLgl: every %n in decimal
    std::string style;           // w:pStyle: the paragraph style this level belongs to
  };
  struct Abstract {
    std::array<Level, 9> levels;
    std::string num_style_link;  // follow the style's numbering instead
  };
  struct Instance {
    int abstract = -1;
    std::array<std::optional<int>, 9> start_override;
    std::array<std::optional<Level>, 9> level_override;
    bool overrides_applied = false;
  };
  struct Style {
    std::string based_on;
    std::optional<int> num_id;
    std::optional<int> level;
    std::optional<int> outline;
    int name_level = 0;  // from the name: heading 2, 标题 2
  };
  struct Counters {
    std::array<int, 9> value{};
    std::array<bool, 9> started{};
  };

  const Style* style(const std::string& id) const;
  // The abstract definition an instance uses, following a numStyleLink once.
  int abstract_of(int num_id) const;
  const Level& level_of(const Instance& instance, int abstract_id, int level) const;

  std::map<int, Abstract> abstracts_;
  std::map<int, Instance> instances_;
  std::map<std::string, Style, std::less<>> styles_;
  std::map<int, Counters> counters_;  // per abstract definition, as Word continues a list
};

}  // namespace reportlint::docx
