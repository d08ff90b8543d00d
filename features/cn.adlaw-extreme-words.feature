Feature: cn.adlaw-extreme-words - extreme words banned in advertising in China (Art. 9(3))
  Chinese extreme words match inside text (Chinese is written without spaces); factual
  phrases that contain one, such as 第一次 ("the first time"), are allow-listed.

  @CN.ADLAW.ART9_3
  Scenario Outline: Extreme words match inside Chinese text
    Given a listing for market "CN" titled "<title>"
    When it is screened
    Then the findings are exactly:
      | rule            | severity | market | field |
      | CN.ADLAW.ART9_3 | block    | CN     | title |
    And rule "CN.ADLAW.ART9_3" reports the text "<matched>" in field "title"

    Examples:
      | title           | matched  |
      | 销量第一的保温杯  | 销量第一 |
      | 最佳保温杯 750毫升 | 最佳     |
      | 国家级品质保温杯  | 国家级   |
      | ＮＯ.1 保温杯     | ＮＯ.1   |
      | ＮＯ．１保温杯    | ＮＯ．１ |
      | NO1保温杯        | NO1      |
      | 销量第1的保温杯   | 销量第1  |
      | 最 好的保温杯     | 最 好    |
      | 国 家 级品质保温杯 | 国 家 级 |
      | 国-家-级品质保温杯 | 国-家-级 |

  @CN.ADLAW.ART9_3
  Scenario Outline: Allow-listed phrases are not extreme words
    Given a listing for market "CN" titled "<title>"
    When it is screened
    Then there are no findings

    Examples:
      | title                  |
      | 保温杯 第一次使用前请清洗 |
      | 保温杯 唯一码见底部      |
      | 保温杯 第1次使用前请清洗 |
      | 保温杯 下单后第一时间发货 |
      | 保温杯 说明见第12页      |

  @CN.ADLAW.ART9_3
  Scenario: The Chinese rule applies to listings for China only
    Given a listing for market "US" titled "销量第一的保温杯"
    When it is screened
    Then there are no findings
